package sqlite_test

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
)

// These tests check the store's behaviour on the small network, whose
// answers are known by heart. The suite shared with the Neo4j store lives in
// storetest.

func TestFindFilters(t *testing.T) {
	ctx := context.Background()
	db, _ := openFile(t)
	loadSmall(t, db)

	for _, c := range []struct {
		name   string
		filter buurtnet.NodeFilter
		want   []string
	}{
		{"all projects", buurtnet.NodeFilter{Kind: buurtnet.KindProject}, []string{"project:boost", "project:citisen", "project:limburg", "project:zoom"}},
		{"projects in sint-gillis", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:sint-gillis"}, []string{"project:boost", "project:zoom"}},
		{"projects in brussels", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:brussels"}, []string{"project:boost", "project:citisen", "project:zoom"}},
		{"organisations in sint-gillis", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Territory: "territory:sint-gillis"}, []string{"org:brusano"}},
		{"organisations in brussels", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Territory: "territory:brussels"}, []string{"org:brusano", "org:cgg", "org:okra"}},
		{"territories in brussels", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Territory: "territory:brussels"}, []string{"territory:brabantwijk", "territory:laag-sint-gillis", "territory:schaarbeek", "territory:sint-gillis"}},
		{"funders in sint-gillis", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Territory: "territory:sint-gillis"}, []string{"funder:innoviris", "funder:vgc"}},
		{"funders in schaarbeek", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Territory: "territory:schaarbeek"}, []string{}},

		{"projects on loneliness", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Theme: "theme:loneliness"}, []string{"project:boost", "project:zoom"}},
		{"organisations on loneliness", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Theme: "theme:loneliness"}, []string{"org:brusano", "org:cgg"}},
		{"funders of loneliness", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Theme: "theme:loneliness"}, []string{"funder:innoviris", "funder:vgc"}},
		{"projects for seniors", buurtnet.NodeFilter{Kind: buurtnet.KindProject, TargetGroup: "targetgroup:seniors"}, []string{"project:boost"}},
		{"organisations for seniors", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, TargetGroup: "targetgroup:seniors"}, []string{"org:brusano", "org:cgg"}},
		{"funders for seniors", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, TargetGroup: "targetgroup:seniors"}, []string{"funder:innoviris"}},
		{"projects on referral", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Function: "function:referral"}, []string{"project:zoom"}},
		{"organisations on referral", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Function: "function:referral"}, []string{"org:cgg"}},
		{"funders of referral", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Function: "function:referral"}, []string{"funder:vgc"}},

		{"projects of innoviris", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Funder: "funder:innoviris"}, []string{"project:boost"}},
		{"organisations of innoviris", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Funder: "funder:innoviris"}, []string{"org:brusano", "org:cgg"}},
		{"projects of the cgg", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Organisation: "org:cgg"}, []string{"project:boost", "project:zoom"}},
		{"funders of the cgg", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Organisation: "org:cgg"}, []string{"funder:innoviris", "funder:vgc"}},

		{"organisations of boost", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Project: "project:boost"}, []string{"org:brusano", "org:cgg"}},
		{"funders of boost", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Project: "project:boost"}, []string{"funder:innoviris"}},
		{"territories of boost", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Project: "project:boost"}, []string{"territory:brabantwijk", "territory:laag-sint-gillis"}},
		{"themes of boost", buurtnet.NodeFilter{Kind: buurtnet.KindTheme, Project: "project:boost"}, []string{"theme:loneliness"}},
		{"target groups of boost", buurtnet.NodeFilter{Kind: buurtnet.KindTargetGroup, Project: "project:boost"}, []string{"targetgroup:seniors"}},
		{"functions of boost", buurtnet.NodeFilter{Kind: buurtnet.KindFunction, Project: "project:boost"}, []string{"function:detection"}},

		{"pilots and ended", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot, buurtnet.StatusEnded}}, []string{"project:boost", "project:citisen"}},
		{"projects active mid 2020", buurtnet.NodeFilter{Kind: buurtnet.KindProject, ActiveOn: day(t, "2020-06-01")}, []string{"project:boost", "project:limburg", "project:zoom"}},
		{"projects active on their first day", buurtnet.NodeFilter{Kind: buurtnet.KindProject, ActiveOn: day(t, "2019-09-01")}, []string{"project:boost", "project:limburg"}},
		{"projects active on their last day", buurtnet.NodeFilter{Kind: buurtnet.KindProject, ActiveOn: day(t, "2018-12-31")}, []string{"project:citisen", "project:limburg"}},
		{"organisations active mid 2020", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, ActiveOn: day(t, "2020-06-01")}, []string{"org:brusano", "org:cgg"}},

		{"dutch-speaking", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, LanguageCommunity: buurtnet.LangCommunityNL}, []string{"org:brusano"}},
		{"mental health", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Sector: buurtnet.SectorMentalHealth}, []string{"org:cgg"}},
		{"welfare (second sector)", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Sector: buurtnet.SectorWelfare}, []string{"org:brusano"}},
		{"neighbourhoods", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, TerritoryKind: buurtnet.TerritoryNeighbourhood}, []string{"territory:brabantwijk", "territory:laag-sint-gillis"}},
		{"regional funders", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Level: buurtnet.FunderRegional}, []string{"funder:innoviris"}},
		{"VVSG functions", buurtnet.NodeFilter{Kind: buurtnet.KindFunction, Framework: buurtnet.FrameworkVVSG}, []string{"function:detection", "function:referral"}},
		{"enterprise number, other notation", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, EnterpriseNumber: "BE 0123 456 749"}, []string{"org:brusano"}},

		{"search without accents", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "sante"}, []string{"org:cgg"}},
		{"search with accents and case", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Search: "RÉGION"}, []string{"territory:brussels"}},
		{"search in another language", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Search: "saint-gilles"}, []string{"territory:laag-sint-gillis", "territory:sint-gillis"}},
		{"search the acronym", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Search: "vgc"}, []string{"funder:vgc"}},
		{"search a literal %", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "0%"}, []string{"org:percent"}},
		{"search a literal _", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "t_z"}, []string{"org:percent"}},
		{"search _ is no wildcard", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "c_g"}, []string{}},

		{"filters combine", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:brussels", Theme: "theme:loneliness", Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot}}, []string{"project:boost"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			nodes, total, err := db.Find(ctx, c.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(nodes); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
			if total != len(c.want) {
				t.Errorf("total %d, want %d", total, len(c.want))
			}
			for _, n := range nodes {
				if k := n.NodeKind(); k != c.filter.Kind {
					t.Errorf("%s is a %s", n.NodeID(), k)
				}
			}
		})
	}
}

func TestFindOrderAndPaging(t *testing.T) {
	ctx := context.Background()
	db, _ := openFile(t)
	loadSmall(t, db)
	projects := buurtnet.NodeFilter{Kind: buurtnet.KindProject}

	for _, c := range []struct {
		name   string
		change func(*buurtnet.NodeFilter)
		want   []string
		total  int
	}{
		{"name", func(f *buurtnet.NodeFilter) { f.OrderBy = buurtnet.OrderByName }, []string{"project:boost", "project:citisen", "project:limburg", "project:zoom"}, 4},
		{"name, descending", func(f *buurtnet.NodeFilter) { f.OrderBy, f.Desc = buurtnet.OrderByName, true }, []string{"project:zoom", "project:limburg", "project:citisen", "project:boost"}, 4},
		{"start: none first", func(f *buurtnet.NodeFilter) { f.OrderBy = buurtnet.OrderByStart }, []string{"project:limburg", "project:citisen", "project:boost", "project:zoom"}, 4},
		{"start, descending", func(f *buurtnet.NodeFilter) { f.OrderBy, f.Desc = buurtnet.OrderByStart, true }, []string{"project:zoom", "project:boost", "project:citisen", "project:limburg"}, 4},
		{"created at: ties by id", func(f *buurtnet.NodeFilter) { f.OrderBy = buurtnet.OrderByCreatedAt }, []string{"project:boost", "project:citisen", "project:limburg", "project:zoom"}, 4},
		{"page", func(f *buurtnet.NodeFilter) { f.Offset, f.Limit = 1, 2 }, []string{"project:citisen", "project:limburg"}, 4},
		{"offset without limit", func(f *buurtnet.NodeFilter) { f.Offset = 3 }, []string{"project:zoom"}, 4},
		{"past the end", func(f *buurtnet.NodeFilter) { f.Offset = 10 }, []string{}, 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := projects
			c.change(&f)
			nodes, total, err := db.Find(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if got := inOrder(nodes); !reflect.DeepEqual(got, c.want) || total != c.total {
				t.Errorf("got %v of %d, want %v of %d", got, total, c.want, c.total)
			}
		})
	}

	// The language changes the order: Sint-Gillis comes after Schaarbeek,
	// Saint-Gilles before Schaerbeek.
	nodes, _, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, TerritoryKind: buurtnet.TerritoryMunicipality, Lang: buurtnet.FR})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := inOrder(nodes), []string{"territory:sint-gillis", "territory:schaarbeek"}; !reflect.DeepEqual(got, want) {
		t.Errorf("municipalities in French order: %v, want %v", got, want)
	}
	nodes, _, err = db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, TerritoryKind: buurtnet.TerritoryMunicipality, Lang: buurtnet.NL})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := inOrder(nodes), []string{"territory:schaarbeek", "territory:sint-gillis"}; !reflect.DeepEqual(got, want) {
		t.Errorf("municipalities in Dutch order: %v, want %v", got, want)
	}
}

func TestFindInvalid(t *testing.T) {
	db, _ := openFile(t)
	for _, f := range []buurtnet.NodeFilter{
		{Kind: "nonsense"},
		{Kind: buurtnet.KindTerritory, Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot}},
		{Kind: buurtnet.KindOrganisation, OrderBy: buurtnet.OrderByStart},
		{Kind: buurtnet.KindProject, Territory: "project:boost"},
		{Kind: buurtnet.KindProject, Limit: -1},
	} {
		if _, _, err := db.Find(context.Background(), f); buurtnet.ErrorCode(err) != buurtnet.EINVALID {
			t.Errorf("Find(%+v): %v, want INVALID", f, err)
		}
	}
}

func TestNodes(t *testing.T) {
	ctx := context.Background()
	db, _ := openFile(t)
	loadSmall(t, db)
	nodes, err := db.Nodes(ctx, []string{"project:boost", "theme:loneliness", "org:cgg", "nope:x", "project:boost", "territory:brussels", "funder:vgc"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(nodes), []string{"funder:vgc", "org:cgg", "project:boost", "territory:brussels", "theme:loneliness"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Nodes: %v, want %v", got, want)
	}
	for _, n := range nodes {
		if term, ok := n.(*buurtnet.Term); ok && term.Kind != buurtnet.KindTheme {
			t.Errorf("%s has kind %q", term.ID, term.Kind)
		}
		if s := buurtnet.Timestamps(n); !s.CreatedAt.Equal(t0) {
			t.Errorf("%s created at %v, want %v", n.NodeID(), s.CreatedAt, t0)
		}
	}
	if nodes, err := db.Nodes(ctx, nil); err != nil || len(nodes) != 0 {
		t.Errorf("Nodes(nil) = %v, %v", nodes, err)
	}
	// More ids than one IN list takes.
	many := make([]string, 1200)
	for i := range many {
		many[i] = "project:missing-" + strings.Repeat("x", i%7) + string(rune('a'+i%26))
	}
	many = append(many, "project:zoom")
	if nodes, err := db.Nodes(ctx, many); err != nil || len(nodes) != 1 {
		t.Errorf("Nodes(1201 ids) = %d nodes, %v; want 1", len(nodes), err)
	}
}

func TestLinks(t *testing.T) {
	ctx := context.Background()
	db, _ := openFile(t)
	loadSmall(t, db)
	key := func(l *buurtnet.Link) string { return string(l.Kind) + " " + l.From + " " + l.To }
	for _, c := range []struct {
		name string
		q    buurtnet.LinkQuery
		want []string
	}{
		{"symmetric by the smaller end", buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkCollaboratesWith}, From: []string{"project:boost"}}, []string{"COLLABORATES_WITH project:boost project:zoom"}},
		{"symmetric by the larger end", buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkCollaboratesWith}, From: []string{"project:zoom"}}, []string{"COLLABORATES_WITH project:boost project:zoom"}},
		{"symmetric by To", buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkOverlaps}, To: []string{"territory:schaarbeek"}}, []string{"OVERLAPS territory:brabantwijk territory:schaarbeek"}},
		{"symmetric by both ends reversed", buurtnet.LinkQuery{From: []string{"project:zoom"}, To: []string{"project:boost"}}, []string{"COLLABORATES_WITH project:boost project:zoom"}},
		{"symmetric needs both ends", buurtnet.LinkQuery{From: []string{"project:zoom"}, To: []string{"project:zoom"}}, nil},
		{"directed only forwards", buurtnet.LinkQuery{From: []string{"project:boost"}, Kinds: []buurtnet.LinkKind{buurtnet.LinkParticipatesIn}}, nil},
		{"to a project", buurtnet.LinkQuery{To: []string{"project:boost"}}, []string{
			"COLLABORATES_WITH project:boost project:zoom", "FUNDS funder:innoviris project:boost",
			"PARTICIPATES_IN org:brusano project:boost", "PARTICIPATES_IN org:cgg project:boost"}},
		{"from several", buurtnet.LinkQuery{From: []string{"org:okra", "org:brusano"}}, []string{
			"LOCATED_IN org:brusano territory:sint-gillis", "LOCATED_IN org:okra territory:schaarbeek",
			"PARTICIPATES_IN org:brusano project:boost", "PARTICIPATES_IN org:okra project:citisen"}},
		{"several kinds", buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkFunds, buurtnet.LinkServes}}, []string{
			"FUNDS funder:innoviris project:boost", "FUNDS funder:vgc project:zoom", "SERVES org:cgg territory:brussels"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			links, err := db.Links(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range links {
				got = append(got, key(l))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	all, err := db.Links(ctx, buurtnet.LinkQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(smallNetwork(t).Links) {
		t.Errorf("all links: %d, want %d", len(all), len(smallNetwork(t).Links))
	}
	funds, _ := db.Links(ctx, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkFunds}, From: []string{"funder:innoviris"}})
	if len(funds) != 1 || funds[0].Amount == nil || *funds[0].Amount != 12500000 || !funds[0].CreatedAt.Equal(t0) {
		t.Errorf("FUNDS link lost its properties: %+v", funds)
	}
	if _, err := db.Links(ctx, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{"LIKES"}}); buurtnet.ErrorCode(err) != buurtnet.EINVALID {
		t.Errorf("unknown kind: %v, want INVALID", err)
	}
}

func TestNodeLifecycle(t *testing.T) {
	ctx := context.Background()
	db, clk := openFile(t)
	loadSmall(t, db)

	p := &buurtnet.Project{ID: "project:new", Name: buurtnet.Text{NL: "  Nieuw project "}}
	if err := db.CreateNode(ctx, p); err != nil {
		t.Fatal(err)
	}
	if p.Name.NL != "Nieuw project" || !p.CreatedAt.Equal(t0) || !p.UpdatedAt.Equal(t0) {
		t.Errorf("created %+v: want the name trimmed and stamps at t0", p)
	}
	if err := db.CreateNode(ctx, &buurtnet.Project{ID: "project:bad"}); buurtnet.ErrorCode(err) != buurtnet.EINVALID {
		t.Errorf("nameless project: %v, want INVALID", err)
	}

	clk.advance(time.Hour)
	n, err := db.UpdateNode(ctx, "project:new", func(n buurtnet.Node) error {
		p := n.(*buurtnet.Project)
		p.Status = buurtnet.StatusPilot
		p.CreatedAt = time.Time{} // the store keeps its own
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := buurtnet.Timestamps(n); !s.CreatedAt.Equal(t0) || !s.UpdatedAt.Equal(t0.Add(time.Hour)) {
		t.Errorf("updated stamps %v / %v, want %v / %v", s.CreatedAt, s.UpdatedAt, t0, t0.Add(time.Hour))
	}
	got, _ := db.Nodes(ctx, []string{"project:new"})
	if len(got) != 1 || got[0].(*buurtnet.Project).Status != buurtnet.StatusPilot {
		t.Errorf("after update: %+v", got)
	}
	nodes, _, _ := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindProject, OrderBy: buurtnet.OrderByUpdatedAt, Desc: true, Limit: 1})
	if len(nodes) != 1 || nodes[0].NodeID() != "project:new" {
		t.Errorf("last updated: %v, want project:new", ids(nodes))
	}

	for _, c := range []struct {
		name   string
		id     string
		change func(buurtnet.Node) error
		code   string
	}{
		{"unknown", "project:nope", func(buurtnet.Node) error { return nil }, buurtnet.ENOTFOUND},
		{"id changed", "project:new", func(n buurtnet.Node) error { n.(*buurtnet.Project).ID = "project:other"; return nil }, buurtnet.EINVALID},
		{"invalid", "project:new", func(n buurtnet.Node) error { n.(*buurtnet.Project).Name = buurtnet.Text{}; return nil }, buurtnet.EINVALID},
		{"change refuses", "project:new", func(buurtnet.Node) error { return buurtnet.Errorf(buurtnet.EFORBIDDEN, "no") }, buurtnet.EFORBIDDEN},
	} {
		if _, err := db.UpdateNode(ctx, c.id, c.change); buurtnet.ErrorCode(err) != c.code {
			t.Errorf("UpdateNode %s: %v, want %s", c.name, err, c.code)
		}
	}

	if err := db.DeleteNode(ctx, "project:boost"); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteNode(ctx, "project:boost"); buurtnet.ErrorCode(err) != buurtnet.ENOTFOUND {
		t.Errorf("second delete: %v, want NOT_FOUND", err)
	}
	if links, _ := db.Links(ctx, buurtnet.LinkQuery{From: []string{"project:boost"}, To: nil}); len(links) != 0 {
		t.Errorf("links from a deleted project remain: %d", len(links))
	}
	if links, _ := db.Links(ctx, buurtnet.LinkQuery{To: []string{"project:boost"}}); len(links) != 0 {
		t.Errorf("links to a deleted project remain: %d", len(links))
	}
}

func TestLinkLifecycle(t *testing.T) {
	ctx := context.Background()
	db, clk := openFile(t)
	loadSmall(t, db)

	l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:okra", To: "project:zoom"}}
	if err := db.CreateLink(ctx, l); err != nil {
		t.Fatal(err)
	}
	if l.Role != buurtnet.RolePartner || !l.CreatedAt.Equal(t0) {
		t.Errorf("created %+v: want the default role and stamps", l)
	}
	for _, c := range []struct {
		name  string
		link  buurtnet.Link
		code  string
		field string
	}{
		{"missing from", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:nope", To: "project:zoom"}}, buurtnet.ENOTFOUND, "from"},
		{"missing to", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:okra", To: "project:nope"}}, buurtnet.ENOTFOUND, "to"},
		{"duplicate", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:okra", To: "project:zoom"}}, buurtnet.ECONFLICT, "to"},
		{"wrong kinds", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "project:boost", To: "project:zoom"}}, buurtnet.EINVALID, "from"},
		{"property of another kind", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkAddresses, From: "project:zoom", To: "theme:access-to-care"}, Role: buurtnet.RolePartner}, buurtnet.EINVALID, "role"},
		{"cycle", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: "territory:brussels", To: "territory:laag-sint-gillis"}}, buurtnet.ECONFLICT, "to"},
		{"self", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: "territory:brussels", To: "territory:brussels"}}, buurtnet.EINVALID, "to"},
	} {
		err := db.CreateLink(ctx, &c.link)
		if buurtnet.ErrorCode(err) != c.code || buurtnet.ErrorField(err) != c.field {
			t.Errorf("CreateLink %s: %v, want %s on %s", c.name, err, c.code, c.field)
		}
	}
	// Nesting that is not a cycle: a territory may be part of several.
	if err := db.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: "territory:laag-sint-gillis", To: "territory:brussels"}}); err != nil {
		t.Errorf("second parent: %v", err)
	}

	clk.advance(time.Minute)
	level := buurtnet.LevelCoDecide
	note := "from the leaflet"
	got, err := db.UpdateLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:okra", To: "project:zoom"}, buurtnet.LinkUpdate{Level: &level, Note: &note})
	if err != nil {
		t.Fatal(err)
	}
	if got.Level != level || got.Note != note || got.Role != buurtnet.RolePartner || !got.CreatedAt.Equal(t0) || !got.UpdatedAt.Equal(t0.Add(time.Minute)) {
		t.Errorf("updated link %+v", got)
	}
	// Symmetric keys are found either way round.
	p := period(t, "2020-01-01", "2020-12-31")
	if _, err := db.UpdateLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkCollaboratesWith, From: "project:zoom", To: "project:boost"}, buurtnet.LinkUpdate{Period: &buurtnet.PeriodPatch{Start: &p.Start, End: &p.End}}); err != nil {
		t.Errorf("update symmetric link by its reversed key: %v", err)
	}
	coverage := buurtnet.Coverage("HALF")
	if _, err := db.UpdateLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:zoom", To: "territory:sint-gillis"}, buurtnet.LinkUpdate{Coverage: &coverage}); buurtnet.ErrorCode(err) != buurtnet.EINVALID {
		t.Errorf("invalid update: %v, want INVALID", err)
	}
	if _, err := db.UpdateLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:zoom", To: "territory:limburg"}, buurtnet.LinkUpdate{}); buurtnet.ErrorCode(err) != buurtnet.ENOTFOUND {
		t.Errorf("update of a missing link: %v, want NOT_FOUND", err)
	}

	if err := db.DeleteLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkOverlaps, From: "territory:schaarbeek", To: "territory:brabantwijk"}); err != nil {
		t.Errorf("delete symmetric link by its reversed key: %v", err)
	}
	if err := db.DeleteLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkOverlaps, From: "territory:schaarbeek", To: "territory:brabantwijk"}); buurtnet.ErrorCode(err) != buurtnet.ENOTFOUND {
		t.Errorf("second delete: %v, want NOT_FOUND", err)
	}
}

func TestTerritoryGraph(t *testing.T) {
	db, _ := openFile(t)
	loadSmall(t, db)
	g, err := db.TerritoryGraph(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !g.Descendants("territory:brussels")["territory:laag-sint-gillis"] {
		t.Error("laag-sint-gillis is not within brussels")
	}
	if rel, ok := g.Relate("territory:brabantwijk", "territory:schaarbeek"); !ok || rel != buurtnet.SpatialPartial {
		t.Errorf("brabantwijk / schaarbeek: %v %v, want PARTIAL", rel, ok)
	}
}

func TestProfilesAndOverlaps(t *testing.T) {
	ctx := context.Background()
	db, _ := openFile(t)
	loadSmall(t, db)

	all, err := db.Profiles(ctx, buurtnet.ProfileQuery{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 {
		t.Fatalf("all profiles: %d, want 4", len(all))
	}
	boost := all[0]
	if boost.Project.ID != "project:boost" || len(boost.Territories) != 2 || !reflect.DeepEqual(boost.Partners(), []string{"org:brusano", "org:cgg"}) ||
		!reflect.DeepEqual(boost.Funders(), []string{"funder:innoviris"}) || !reflect.DeepEqual(boost.Themes, []string{"theme:loneliness"}) ||
		!reflect.DeepEqual(boost.TargetGroups, []string{"targetgroup:seniors"}) || !reflect.DeepEqual(boost.Functions, []string{"function:detection"}) ||
		!reflect.DeepEqual(boost.Collaborators, []string{"project:zoom"}) {
		t.Errorf("profile of boost: %+v", boost)
	}
	if zoom := all[3]; !reflect.DeepEqual(zoom.Collaborators, []string{"project:boost"}) {
		t.Errorf("zoom's collaborators: %v", zoom.Collaborators)
	}

	some, err := db.Profiles(ctx, buurtnet.ProfileQuery{IDs: []string{"project:limburg"}, Territories: []string{"territory:schaarbeek", "territory:sint-gillis"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range some {
		got = append(got, p.Project.ID)
	}
	// Exactly these territories: boost works within sint-gillis, not in it.
	if want := []string{"project:citisen", "project:limburg", "project:zoom"}; !reflect.DeepEqual(got, want) {
		t.Errorf("profiles by ids and territories: %v, want %v", got, want)
	}
	if none, err := db.Profiles(ctx, buurtnet.ProfileQuery{}); err != nil || len(none) != 0 {
		t.Errorf("empty query: %v, %v", none, err)
	}

	analyst := &buurtnet.Analyst{Store: db}
	_, overlaps, err := analyst.Overlaps(ctx, "project:boost", buurtnet.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if len(overlaps) != 1 || overlaps[0].Project.Project.ID != "project:zoom" ||
		!reflect.DeepEqual(overlaps[0].SharedPartners, []string{"org:cgg"}) || !reflect.DeepEqual(overlaps[0].SharedThemes, []string{"theme:loneliness"}) {
		t.Errorf("overlaps of boost: %+v", overlaps)
	}
	if _, _, err := analyst.Overlaps(ctx, "project:nope", buurtnet.Date{}); buurtnet.ErrorCode(err) != buurtnet.ENOTFOUND {
		t.Errorf("overlaps of a missing project: %v, want NOT_FOUND", err)
	}
	gaps, err := analyst.Gaps(ctx, "territory:sint-gillis", buurtnet.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if len(gaps.Projects) != 2 {
		t.Errorf("gaps in sint-gillis count %d projects, want 2", len(gaps.Projects))
	}
}

func TestApplyTwiceChangesNothing(t *testing.T) {
	ctx := context.Background()
	db, clk := openFile(t)
	r, err := db.Apply(ctx, smallNetwork(t), buurtnet.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	small := smallNetwork(t)
	if want := len(small.Nodes()) + len(small.Links); len(r.Created) != want || len(r.Updated) != 0 || r.Unchanged != 0 {
		t.Fatalf("first apply: %d created, %d updated, %d unchanged; want %d created", len(r.Created), len(r.Updated), r.Unchanged, want)
	}
	if !isSorted(r.Created) {
		t.Errorf("created not sorted: %v", r.Created)
	}
	if !containsString(r.Created, "COLLABORATES_WITH project:boost -> project:zoom") {
		t.Errorf("created does not name the normalized symmetric link: %v", r.Created)
	}
	before, _ := db.Snapshot(ctx)

	clk.advance(24 * time.Hour)
	r, err = db.Apply(ctx, smallNetwork(t), buurtnet.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Created) != 0 || len(r.Updated) != 0 || r.Unchanged != len(small.Nodes())+len(small.Links) {
		t.Errorf("second apply: created %v, updated %v, %d unchanged", r.Created, r.Updated, r.Unchanged)
	}
	after, _ := db.Snapshot(ctx)
	if b, a := mustJSON(t, before), mustJSON(t, after); b != a {
		t.Errorf("second apply changed the store")
	}

	// A changed entity and link are updated, keeping when they were created.
	changed := smallNetwork(t)
	changed.Projects[0].Status = buurtnet.StatusImplementation
	changed.Links[len(changed.Links)-1].Note = "checked"
	r, err = db.Apply(ctx, changed, buurtnet.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"LOCATED_IN org:okra -> territory:schaarbeek", "project:boost"}; !reflect.DeepEqual(r.Updated, want) || len(r.Created) != 0 {
		t.Errorf("updated %v, created %v; want updated %v", r.Updated, r.Created, want)
	}
	nodes, _ := db.Nodes(ctx, []string{"project:boost"})
	if s := buurtnet.Timestamps(nodes[0]); !s.CreatedAt.Equal(t0) || !s.UpdatedAt.Equal(t0.Add(24*time.Hour)) {
		t.Errorf("boost stamps %v / %v", s.CreatedAt, s.UpdatedAt)
	}
}

func TestApplyDryRunAndFailuresChangeNothing(t *testing.T) {
	ctx := context.Background()
	db, _ := openFile(t)
	r, err := db.Apply(ctx, smallNetwork(t), buurtnet.ApplyOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Created) == 0 {
		t.Error("dry run reports nothing to create")
	}
	if s, _ := db.Snapshot(ctx); len(s.Nodes()) != 0 || len(s.Links) != 0 {
		t.Errorf("dry run wrote %d entities and %d links", len(s.Nodes()), len(s.Links))
	}

	for _, c := range []struct {
		name   string
		break_ func(*buurtnet.Network)
		code   string
		field  string
	}{
		{"invalid entity", func(n *buurtnet.Network) { n.Projects[2].Name = buurtnet.Text{} }, buurtnet.EINVALID, "project[project:citisen].name"},
		{"link to nowhere", func(n *buurtnet.Network) { n.Links[3].To = "territory:atlantis" }, buurtnet.ENOTFOUND, "links[3]"},
		{"cycle", func(n *buurtnet.Network) {
			n.Links = append(n.Links, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: "territory:brussels", To: "territory:laag-sint-gillis"}})
		}, buurtnet.ECONFLICT, "links[27]"},
		{"enterprise number twice", func(n *buurtnet.Network) { n.Organisations[2].EnterpriseNumber = "0234.567.873" }, buurtnet.ECONFLICT, "org[org:okra].enterpriseNumber"},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := smallNetwork(t)
			c.break_(n)
			if c.name == "cycle" && len(n.Links) != 28 {
				t.Fatalf("the small network changed: fix the expected field")
			}
			_, err := db.Apply(ctx, n, buurtnet.ApplyOptions{})
			if buurtnet.ErrorCode(err) != c.code || buurtnet.ErrorField(err) != c.field {
				t.Errorf("Apply: %v, want %s on %s", err, c.code, c.field)
			}
			if s, _ := db.Snapshot(ctx); len(s.Nodes()) != 0 || len(s.Links) != 0 {
				t.Errorf("a failed apply wrote %d entities and %d links", len(s.Nodes()), len(s.Links))
			}
		})
	}
}

// An organisation of the file with a new id but a known enterprise number
// is the stored organisation: no second one, and the file's links attach
// to the stored one.
func TestApplyMatchesOrganisationsByEnterpriseNumber(t *testing.T) {
	ctx := context.Background()
	db, _ := openFile(t)
	loadSmall(t, db)

	n := &buurtnet.Network{
		Organisations: []*buurtnet.Organisation{{ID: "org:brusano-vzw", Name: buurtnet.Text{NL: "Brusano"}, Acronym: "BRUS",
			EnterpriseNumber: "BE0123456749", LanguageCommunity: buurtnet.LangCommunityNL, Sectors: []buurtnet.Sector{buurtnet.SectorHealthCare, buurtnet.SectorWelfare}}},
		Links: []*buurtnet.Link{
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:brusano-vzw", To: "project:zoom"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:brusano-vzw", To: "project:boost"}, Role: buurtnet.RoleCoordinator},
		},
	}
	r, err := db.Apply(ctx, n, buurtnet.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"PARTICIPATES_IN org:brusano -> project:zoom"}; !reflect.DeepEqual(r.Created, want) || len(r.Updated) != 0 || r.Unchanged != 2 {
		t.Errorf("report %+v, want created %v and 2 unchanged", r, want)
	}
	if n.Organisations[0].ID != "org:brusano-vzw" {
		t.Errorf("Apply changed the caller's id to %s", n.Organisations[0].ID)
	}
	if got, _ := db.Nodes(ctx, []string{"org:brusano-vzw"}); len(got) != 0 {
		t.Error("a second organisation was created")
	}
}

func TestDemoNetwork(t *testing.T) {
	ctx := context.Background()
	n, err := demo.Network()
	if err != nil {
		t.Skipf("the demo network does not parse (yet): %v", err)
	}
	db, clk := openFile(t)
	r, err := db.Apply(ctx, n, buurtnet.ApplyOptions{})
	if err != nil {
		t.Fatalf("Apply(demo): %v", err)
	}
	t.Logf("demo network: %d created", len(r.Created))
	clk.advance(time.Hour)
	again, _ := demo.Network()
	r, err = db.Apply(ctx, again, buurtnet.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Created)+len(r.Updated) != 0 {
		t.Errorf("second apply of the demo: created %v, updated %v", r.Created, r.Updated)
	}
	if _, _, err := (&buurtnet.Analyst{Store: db}).Overlaps(ctx, "project:boost", buurtnet.Date{}); err != nil {
		t.Errorf("overlaps of boost: %v", err)
	}
	for _, k := range buurtnet.Kinds {
		if _, _, err := db.Find(ctx, buurtnet.NodeFilter{Kind: k, Search: "a", OrderBy: buurtnet.OrderByName}); err != nil {
			t.Errorf("Find %s: %v", k, err)
		}
	}
}

func isSorted(xs []string) bool {
	for i := 1; i < len(xs); i++ {
		if xs[i-1] > xs[i] {
			return false
		}
	}
	return true
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func mustJSON(t testing.TB, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
