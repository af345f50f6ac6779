package neo4j_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/neo4j"
)

// The benchmarks mirror those of the SQLite store (sqlite/bench_test.go),
// on the same generated network, so that
//
//	go test ./neo4j/ -run x -bench . -benchmem
//	go test ./sqlite/ -run x -bench . -benchmem
//
// compare like with like; BenchmarkProfiles/demo runs on the demo network.

// benchProjects is the size of the generated network, as for SQLite.
const benchProjects = 2000

// openGenerated opens a store holding the generated network.
func openGenerated(b *testing.B) *neo4j.DB {
	b.Helper()
	db := openStore(b)
	if _, err := db.Apply(context.Background(), generatedNetwork(benchProjects), buurtnet.ApplyOptions{}); err != nil {
		b.Fatalf("Apply(generated network): %v", err)
	}
	return db
}

func BenchmarkApply(b *testing.B) {
	envConfig(b)
	n := generatedNetwork(benchProjects)
	db := openStore(b)
	for b.Loop() {
		b.StopTimer()
		if err := db.Wipe(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := db.Apply(context.Background(), n, buurtnet.ApplyOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProfiles(b *testing.B) {
	envConfig(b)
	ctx := context.Background()
	run := func(b *testing.B, db buurtnet.Store, all int, territory, project string) {
		g, err := db.TerritoryGraph(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("all", func(b *testing.B) {
			for b.Loop() {
				ps, err := db.Profiles(ctx, buurtnet.ProfileQuery{All: true})
				if err != nil || len(ps) != all {
					b.Fatalf("%d profiles, %v", len(ps), err)
				}
			}
		})
		// What Analyst.Overlaps asks: the projects around one territory.
		b.Run("territories", func(b *testing.B) {
			q := buurtnet.ProfileQuery{Territories: g.Related(territory)}
			for b.Loop() {
				if _, err := db.Profiles(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("one", func(b *testing.B) {
			q := buurtnet.ProfileQuery{IDs: []string{project}}
			for b.Loop() {
				if ps, err := db.Profiles(ctx, q); err != nil || len(ps) != 1 {
					b.Fatalf("%d profiles, %v", len(ps), err)
				}
			}
		})
		b.Run("overlaps", func(b *testing.B) {
			a := &buurtnet.Analyst{Store: db}
			for b.Loop() {
				if _, _, err := a.Overlaps(ctx, project, buurtnet.Date{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}

	db := openGenerated(b)
	run(b, db, benchProjects, "territory:m03", "project:p1234")

	b.Run("demo", func(b *testing.B) {
		demo, err := buurtnet.DemoNetwork()
		if err != nil {
			b.Fatal(err)
		}
		if err := db.Wipe(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := db.Apply(ctx, demo, buurtnet.ApplyOptions{}); err != nil {
			b.Fatal(err)
		}
		run(b, db, len(demo.Projects), "territory:brabantwijk", "project:boost")
	})
}

func BenchmarkFind(b *testing.B) {
	envConfig(b)
	ctx := context.Background()
	db := openGenerated(b)
	for _, c := range []struct {
		name   string
		filter buurtnet.NodeFilter
	}{
		{"projects page by name", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Limit: 20, Offset: 100}},
		{"projects in municipality", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:m03", Limit: 20}},
		{"projects in region by start", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:region", OrderBy: buurtnet.OrderByStart, Limit: 20}},
		{"projects search", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Search: "12", Limit: 20}},
		{"projects theme status active", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Theme: "theme:t3", Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot, buurtnet.StatusImplementation}, ActiveOn: buurtnet.NewDate(2021, 6, 1), Limit: 20}},
		{"organisations of funder", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Funder: "funder:f07", Limit: 20}},
		{"organisations active in municipality", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Territory: "territory:m03", ActiveOn: buurtnet.NewDate(2021, 6, 1), Limit: 20}},
		{"funders in region", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Territory: "territory:region"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := db.Find(ctx, c.filter); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// generatedNetwork is the network of the SQLite store's benchmarks (a copy
// of sqlite/network_test.go's): 19 municipalities of 10 neighbourhoods, 500
// organisations, 40 funders and the given number of projects, each active
// in two neighbourhoods, with three partners, a funder and a few tags.
func generatedNetwork(projects int) *buurtnet.Network {
	n := &buurtnet.Network{}
	link := func(kind buurtnet.LinkKind, from, to string) *buurtnet.Link {
		l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: kind, From: from, To: to}}
		n.Links = append(n.Links, l)
		return l
	}
	n.Territories = append(n.Territories, &buurtnet.Territory{ID: "territory:region", Name: buurtnet.Text{NL: "Gewest"}, Kind: buurtnet.TerritoryRegion})
	var hoods []string
	for m := 0; m < 19; m++ {
		mid := fmt.Sprintf("territory:m%02d", m)
		n.Territories = append(n.Territories, &buurtnet.Territory{ID: mid, Name: buurtnet.Text{NL: fmt.Sprintf("Gemeente %02d", m), FR: fmt.Sprintf("Commune %02d", m)}, Kind: buurtnet.TerritoryMunicipality})
		link(buurtnet.LinkPartOf, mid, "territory:region")
		for h := 0; h < 10; h++ {
			hid := fmt.Sprintf("territory:m%02d-h%d", m, h)
			hoods = append(hoods, hid)
			n.Territories = append(n.Territories, &buurtnet.Territory{ID: hid, Name: buurtnet.Text{NL: fmt.Sprintf("Wijk %02d-%d", m, h)}, Kind: buurtnet.TerritoryNeighbourhood})
			link(buurtnet.LinkPartOf, hid, mid)
		}
	}
	for i := 0; i < 10; i++ {
		n.Themes = append(n.Themes, &buurtnet.Term{ID: fmt.Sprintf("theme:t%d", i), Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: fmt.Sprintf("Thema %d", i)}})
	}
	for i := 0; i < 6; i++ {
		n.TargetGroups = append(n.TargetGroups, &buurtnet.Term{ID: fmt.Sprintf("targetgroup:g%d", i), Kind: buurtnet.KindTargetGroup, Name: buurtnet.Text{NL: fmt.Sprintf("Doelgroep %d", i)}})
	}
	for i := 1; i <= 8; i++ {
		n.Functions = append(n.Functions, &buurtnet.Term{ID: fmt.Sprintf("function:f%d", i), Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: fmt.Sprintf("Functie %d", i)}, Framework: buurtnet.FrameworkVVSG, Number: i})
	}
	for i := 0; i < 40; i++ {
		n.Funders = append(n.Funders, &buurtnet.Funder{ID: fmt.Sprintf("funder:f%02d", i), Name: buurtnet.Text{NL: fmt.Sprintf("Fonds %02d", i)}, Level: buurtnet.FunderLevels[i%len(buurtnet.FunderLevels)]})
	}
	for i := 0; i < 500; i++ {
		id := fmt.Sprintf("org:o%03d", i)
		n.Organisations = append(n.Organisations, &buurtnet.Organisation{ID: id, Name: buurtnet.Text{NL: fmt.Sprintf("Organisatie %03d", i), FR: fmt.Sprintf("Organisation %03d", i)},
			Sectors: []buurtnet.Sector{buurtnet.Sectors[i%len(buurtnet.Sectors)]}, LanguageCommunity: buurtnet.LanguageCommunities[i%3]})
		link(buurtnet.LinkLocatedIn, id, hoods[i%len(hoods)])
	}
	for i := 0; i < projects; i++ {
		id := fmt.Sprintf("project:p%04d", i)
		start := buurtnet.NewDate(2015+i%8, time.Month(1+i%12), 1)
		n.Projects = append(n.Projects, &buurtnet.Project{ID: id, Name: buurtnet.Text{NL: fmt.Sprintf("Project %04d", i)},
			Status: buurtnet.ProjectStatuses[i%len(buurtnet.ProjectStatuses)], Period: buurtnet.Period{Start: start}})
		link(buurtnet.LinkActiveIn, id, hoods[i%len(hoods)])
		link(buurtnet.LinkActiveIn, id, hoods[(i*7+3)%len(hoods)])
		for j := 0; j < 3; j++ {
			link(buurtnet.LinkParticipatesIn, fmt.Sprintf("org:o%03d", (i*3+j*17)%500), id)
		}
		link(buurtnet.LinkFunds, fmt.Sprintf("funder:f%02d", i%40), id)
		link(buurtnet.LinkAddresses, id, fmt.Sprintf("theme:t%d", i%10))
		link(buurtnet.LinkAddresses, id, fmt.Sprintf("theme:t%d", (i+3)%10))
		link(buurtnet.LinkTargets, id, fmt.Sprintf("targetgroup:g%d", i%6))
		link(buurtnet.LinkWorksOn, id, fmt.Sprintf("function:f%d", 1+i%8))
		link(buurtnet.LinkWorksOn, id, fmt.Sprintf("function:f%d", 1+(i+4)%8))
		if i > 0 && i%5 == 0 {
			link(buurtnet.LinkCollaboratesWith, id, fmt.Sprintf("project:p%04d", i-1))
		}
	}
	return n
}
