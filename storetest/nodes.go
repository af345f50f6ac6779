package storetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// Sample entities with every field set. Enterprise numbers are made up,
// with valid check digits (97 - first eight digits mod 97).
const (
	kboA = "0123.456.749" // 01234567 mod 97 = 48
	kboB = "0200.000.043" // 02000000 mod 97 = 54
	kboC = "0314.159.244" // 03141592 mod 97 = 53
)

func sampleOrganisation() *buurtnet.Organisation {
	return &buurtnet.Organisation{
		ID:                "org:sample",
		Name:              buurtnet.Text{NL: "  Voorbeeldvereniging Fictief ", FR: "Association Exemple Fictive", EN: "Sample Association"},
		Acronym:           "VVF",
		Kind:              buurtnet.OrgAssociation,
		Sectors:           []buurtnet.Sector{buurtnet.SectorWelfare, buurtnet.SectorCommunity},
		LanguageCommunity: buurtnet.LangCommunityBilingual,
		EnterpriseNumber:  "BE 0123 456 749",
		SocialMapID:       "sk-0001",
		Website:           "https://sample.example",
		Description:       buurtnet.Text{NL: "Een verzonnen vereniging.", FR: "Une association inventée."},
		Source:            "storetest",
	}
}

func sampleProject() *buurtnet.Project {
	return &buurtnet.Project{
		ID:          "project:sample",
		Name:        buurtnet.Text{NL: "Voorbeeldproject", FR: "Projet exemple", EN: "Sample project"},
		Description: buurtnet.Text{NL: "Een verzonnen project.", EN: "A made-up project."},
		Status:      buurtnet.StatusPilot,
		Period:      period("2019-09-01", "2021-12-31"),
		Website:     "https://project.example",
		Source:      "storetest",
	}
}

func sampleTerritory() *buurtnet.Territory {
	return &buurtnet.Territory{
		ID:     "territory:sample",
		Name:   buurtnet.Text{NL: "Voorbeeldwijk", FR: "Quartier Exemple"},
		Kind:   buurtnet.TerritoryNeighbourhood,
		Code:   "FICT-42",
		Note:   "Verzonnen wijk.",
		Source: "storetest",
	}
}

func sampleFunder() *buurtnet.Funder {
	return &buurtnet.Funder{
		ID:      "funder:sample",
		Name:    buurtnet.Text{NL: "Voorbeeldfonds", FR: "Fonds Exemple"},
		Acronym: "VF",
		Level:   buurtnet.FunderPrivate,
		Website: "https://fonds.example",
		Source:  "storetest",
	}
}

func sampleTheme() *buurtnet.Term {
	return &buurtnet.Term{
		ID: "theme:sample", Kind: buurtnet.KindTheme,
		Name:        buurtnet.Text{NL: "Voorbeeldthema", FR: "Thème exemple"},
		Description: buurtnet.Text{NL: "Een verzonnen thema."},
		Source:      "storetest",
	}
}

func sampleTargetGroup() *buurtnet.Term {
	return &buurtnet.Term{
		ID: "targetgroup:sample", Kind: buurtnet.KindTargetGroup,
		Name:   buurtnet.Text{NL: "Voorbeelddoelgroep", EN: "Sample group"},
		Source: "storetest",
	}
}

func sampleFunction() *buurtnet.Term {
	return &buurtnet.Term{
		ID: "function:sample", Kind: buurtnet.KindFunction,
		Name:        buurtnet.Text{NL: "Toeleiding naar zorg", FR: "Orientation vers les soins"},
		Description: buurtnet.Text{NL: "Bouwsteen 5."},
		Framework:   buurtnet.FrameworkCaringNeighbourhoods, Number: 5, Pillar: "B",
		Source: "storetest",
	}
}

// samples are one entity of every kind, and how the store must keep it.
func samples() []struct {
	name string
	node buurtnet.Node
	want buurtnet.Node
} {
	wantOrg := sampleOrganisation()
	wantOrg.Name.NL = "Voorbeeldvereniging Fictief" // trimmed
	wantOrg.EnterpriseNumber = kboA                 // canonical
	return []struct {
		name string
		node buurtnet.Node
		want buurtnet.Node
	}{
		{"Organisation", sampleOrganisation(), wantOrg},
		{"Project", sampleProject(), sampleProject()},
		{"Territory", sampleTerritory(), sampleTerritory()},
		{"Funder", sampleFunder(), sampleFunder()},
		{"Theme", sampleTheme(), sampleTheme()},
		{"TargetGroup", sampleTargetGroup(), sampleTargetGroup()},
		{"Function", sampleFunction(), sampleFunction()},
	}
}

// ------------------------------------------------------------- CreateNode

func testCreateNode(t *testing.T, open Opener) {
	for _, tc := range samples() {
		t.Run("OK/"+tc.name, func(t *testing.T) {
			s := open(t)
			require.NoError(t, s.CreateNode(t.Context(), tc.node))
			got := mustNode(t, s, tc.want.NodeID())
			require.IsType(t, tc.want, got)
			require.Equal(t, tc.want, clean(got))
			requireStampsNew(t, buurtnet.Timestamps(got))
		})
	}

	t.Run("Minimal", func(t *testing.T) {
		// Only the required fields: nothing else comes back.
		s := open(t)
		for _, n := range []buurtnet.Node{
			&buurtnet.Organisation{ID: "org:min", Name: buurtnet.Text{FR: "Minimum"}},
			&buurtnet.Project{ID: "project:min", Name: buurtnet.Text{EN: "Minimum"}},
			&buurtnet.Territory{ID: "territory:min", Name: buurtnet.Text{NL: "Minimum"}, Kind: buurtnet.TerritorySite},
			&buurtnet.Funder{ID: "funder:min", Name: buurtnet.Text{NL: "Minimum"}},
			&buurtnet.Term{ID: "theme:min", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "Minimum"}},
			&buurtnet.Term{ID: "function:min", Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: "Minimum"}, Framework: buurtnet.FrameworkVVSG, Number: 1},
		} {
			want := clean(n)
			require.NoError(t, s.CreateNode(t.Context(), n))
			assert.Equal(t, want, clean(mustNode(t, s, n.NodeID())))
		}
	})

	t.Run("SameNameTwice", func(t *testing.T) {
		// Names are not unique: two streets may share one.
		s := open(t)
		mustCreate(t, s,
			&buurtnet.Territory{ID: "territory:a", Name: buurtnet.Text{NL: "Kerkstraat"}, Kind: buurtnet.TerritoryStreet},
			&buurtnet.Territory{ID: "territory:b", Name: buurtnet.Text{NL: "Kerkstraat"}, Kind: buurtnet.TerritoryStreet})
	})

	// Errors: each leaves the store as it was.
	for _, tc := range []struct {
		name        string
		node        buurtnet.Node
		code, field string
	}{
		{"ErrNameRequired/Organisation", &buurtnet.Organisation{ID: "org:x", Name: buurtnet.Text{NL: "  "}}, buurtnet.EINVALID, "name"},
		{"ErrNameRequired/Project", &buurtnet.Project{ID: "project:x"}, buurtnet.EINVALID, "name"},
		{"ErrNameRequired/Territory", &buurtnet.Territory{ID: "territory:x", Kind: buurtnet.TerritoryStreet}, buurtnet.EINVALID, "name"},
		{"ErrNameRequired/Funder", &buurtnet.Funder{ID: "funder:x", Name: buurtnet.Text{FR: "\t"}}, buurtnet.EINVALID, "name"},
		{"ErrNameRequired/Theme", &buurtnet.Term{ID: "theme:x", Kind: buurtnet.KindTheme}, buurtnet.EINVALID, "name"},
		{"ErrNameRequired/TargetGroup", &buurtnet.Term{ID: "targetgroup:x", Kind: buurtnet.KindTargetGroup}, buurtnet.EINVALID, "name"},
		{"ErrNameRequired/Function", &buurtnet.Term{ID: "function:x", Kind: buurtnet.KindFunction, Framework: buurtnet.FrameworkVVSG, Number: 2}, buurtnet.EINVALID, "name"},
		{"ErrIDRequired", &buurtnet.Project{Name: buurtnet.Text{NL: "X"}}, buurtnet.EINVALID, "id"},
		{"ErrIDOfOtherKind", &buurtnet.Project{ID: "org:x", Name: buurtnet.Text{NL: "X"}}, buurtnet.EINVALID, "id"},
		{"ErrIDWithSpace", &buurtnet.Project{ID: "project:a b", Name: buurtnet.Text{NL: "X"}}, buurtnet.EINVALID, "id"},
		{"ErrPeriodEnd", &buurtnet.Project{ID: "project:x", Name: buurtnet.Text{NL: "X"}, Period: period("2021-01-01", "2020-12-31")}, buurtnet.EINVALID, "period.end"},
		{"ErrStatus", &buurtnet.Project{ID: "project:x", Name: buurtnet.Text{NL: "X"}, Status: "DREAMING"}, buurtnet.EINVALID, "status"},
		{"ErrEnterpriseNumberInvalid", &buurtnet.Organisation{ID: "org:x", Name: buurtnet.Text{NL: "X"}, EnterpriseNumber: "0123.456.789"}, buurtnet.EINVALID, "enterpriseNumber"},
		{"ErrSector", &buurtnet.Organisation{ID: "org:x", Name: buurtnet.Text{NL: "X"}, Sectors: []buurtnet.Sector{"MAGIC"}}, buurtnet.EINVALID, "sectors"},
		{"ErrLanguageCommunity", &buurtnet.Organisation{ID: "org:x", Name: buurtnet.Text{NL: "X"}, LanguageCommunity: "DE"}, buurtnet.EINVALID, "languageCommunity"},
		{"ErrTerritoryKind", &buurtnet.Territory{ID: "territory:x", Name: buurtnet.Text{NL: "X"}}, buurtnet.EINVALID, "kind"},
		{"ErrFunderLevel", &buurtnet.Funder{ID: "funder:x", Name: buurtnet.Text{NL: "X"}, Level: "GALACTIC"}, buurtnet.EINVALID, "level"},
		{"ErrFunctionNumber", &buurtnet.Term{ID: "function:x", Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: "X"}, Framework: buurtnet.FrameworkVVSG, Number: 9}, buurtnet.EINVALID, "number"},
		{"ErrFunctionFramework", &buurtnet.Term{ID: "function:x", Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: "X"}, Number: 1}, buurtnet.EINVALID, "framework"},
		{"ErrThemeWithFramework", &buurtnet.Term{ID: "theme:x", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "X"}, Framework: buurtnet.FrameworkVVSG, Number: 1}, buurtnet.EINVALID, "framework"},
		{"ErrTermKind", &buurtnet.Term{ID: "theme:x", Name: buurtnet.Text{NL: "X"}}, buurtnet.EINVALID, "kind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			mustCreate(t, s, sampleOrganisation(), sampleProject())
			before := snapshot(t, s)
			requireErr(t, s.CreateNode(t.Context(), tc.node), tc.code, tc.field)
			requireUnchanged(t, s, before)
		})
	}

	t.Run("ErrIDTaken", func(t *testing.T) {
		s := open(t)
		mustCreate(t, s, sampleProject())
		before := snapshot(t, s)
		requireErr(t, s.CreateNode(t.Context(), &buurtnet.Project{ID: "project:sample", Name: buurtnet.Text{NL: "Ander project"}}), buurtnet.ECONFLICT, "id")
		requireUnchanged(t, s, before)
	})

	t.Run("ErrEnterpriseNumberTaken", func(t *testing.T) {
		// Taken in another notation: the number is compared canonically.
		s := open(t)
		mustCreate(t, s, sampleOrganisation())
		before := snapshot(t, s)
		requireErr(t, s.CreateNode(t.Context(), &buurtnet.Organisation{ID: "org:other", Name: buurtnet.Text{NL: "Andere"}, EnterpriseNumber: "0123456749"}), buurtnet.ECONFLICT, "enterpriseNumber")
		requireUnchanged(t, s, before)
	})

	t.Run("NoEnterpriseNumberIsNotAConflict", func(t *testing.T) {
		s := open(t)
		mustCreate(t, s,
			&buurtnet.Organisation{ID: "org:a", Name: buurtnet.Text{NL: "A"}},
			&buurtnet.Organisation{ID: "org:b", Name: buurtnet.Text{NL: "B"}})
	})
}

// ------------------------------------------------------------- UpdateNode

func testUpdateNode(t *testing.T, open Opener) {
	for _, tc := range []struct {
		name   string
		node   buurtnet.Node
		change func(buurtnet.Node)
		want   func(buurtnet.Node) // applied to a clean copy of the stored node
	}{
		{"Organisation", sampleOrganisation(),
			func(n buurtnet.Node) {
				o := n.(*buurtnet.Organisation)
				o.Name.FR = "Association Exemple Renommée"
				o.Sectors = append(o.Sectors, buurtnet.SectorHousing)
				o.Website = ""
			},
			func(n buurtnet.Node) {
				o := n.(*buurtnet.Organisation)
				o.Name.FR = "Association Exemple Renommée"
				o.Sectors = []buurtnet.Sector{buurtnet.SectorWelfare, buurtnet.SectorCommunity, buurtnet.SectorHousing}
				o.Website = ""
			}},
		{"Project", sampleProject(),
			func(n buurtnet.Node) {
				p := n.(*buurtnet.Project)
				p.Status = buurtnet.StatusImplementation
				p.Period.End = buurtnet.Date{}
			},
			func(n buurtnet.Node) {
				p := n.(*buurtnet.Project)
				p.Status = buurtnet.StatusImplementation
				p.Period = period("2019-09-01", "")
			}},
		{"Territory", sampleTerritory(),
			func(n buurtnet.Node) { n.(*buurtnet.Territory).Kind = buurtnet.TerritoryZone },
			func(n buurtnet.Node) { n.(*buurtnet.Territory).Kind = buurtnet.TerritoryZone }},
		{"Funder", sampleFunder(),
			func(n buurtnet.Node) { n.(*buurtnet.Funder).Level = buurtnet.FunderCommunity },
			func(n buurtnet.Node) { n.(*buurtnet.Funder).Level = buurtnet.FunderCommunity }},
		{"Theme", sampleTheme(),
			func(n buurtnet.Node) { n.(*buurtnet.Term).Description = buurtnet.Text{} },
			func(n buurtnet.Node) { n.(*buurtnet.Term).Description = buurtnet.Text{} }},
		{"TargetGroup", sampleTargetGroup(),
			func(n buurtnet.Node) { n.(*buurtnet.Term).Name.NL = " Nieuwe doelgroep " },
			func(n buurtnet.Node) { n.(*buurtnet.Term).Name.NL = "Nieuwe doelgroep" }},
		{"Function", sampleFunction(),
			func(n buurtnet.Node) { f := n.(*buurtnet.Term); f.Number, f.Name.NL = 4, "Detectie van zorgnoden" },
			func(n buurtnet.Node) { f := n.(*buurtnet.Term); f.Number, f.Name.NL = 4, "Detectie van zorgnoden" }},
	} {
		t.Run("OK/"+tc.name, func(t *testing.T) {
			s := open(t)
			mustCreate(t, s, tc.node, &buurtnet.Territory{ID: "territory:bystander", Name: buurtnet.Text{NL: "Omstaander"}, Kind: buurtnet.TerritorySite})
			stored := mustNode(t, s, tc.node.NodeID())
			bystander := mustNode(t, s, "territory:bystander")
			want := clean(stored)
			tc.want(want)

			time.Sleep(tick)
			calls := 0
			got, err := s.UpdateNode(t.Context(), tc.node.NodeID(), func(n buurtnet.Node) error {
				calls++
				require.IsType(t, stored, n)
				require.Equal(t, clean(stored), clean(n), "change sees the stored entity")
				tc.change(n)
				return nil
			})
			require.NoError(t, err)
			require.GreaterOrEqual(t, calls, 1)
			require.Equal(t, want, clean(got), "UpdateNode returns the entity as changed")
			requireStampsUpdated(t, buurtnet.Timestamps(stored), buurtnet.Timestamps(got))

			// What it returned is what is stored, timestamps included.
			reread := mustNode(t, s, tc.node.NodeID())
			require.Equal(t, want, clean(reread))
			requireSameStamps(t, buurtnet.Timestamps(got), buurtnet.Timestamps(reread))
			// Nothing else changed.
			again := mustNode(t, s, "territory:bystander")
			require.Equal(t, clean(bystander), clean(again))
			requireSameStamps(t, buurtnet.Timestamps(bystander), buurtnet.Timestamps(again))
		})
	}

	t.Run("StampsAreTheStores", func(t *testing.T) {
		// Contract: change cannot set the timestamps; CreatedAt stays, and
		// UpdatedAt is the time of the update.
		s := open(t)
		mustCreate(t, s, sampleProject())
		stored := mustNode(t, s, "project:sample")
		time.Sleep(tick)
		past := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
		got, err := s.UpdateNode(t.Context(), "project:sample", func(n buurtnet.Node) error {
			p := n.(*buurtnet.Project)
			p.Status = buurtnet.StatusEnded
			p.CreatedAt, p.UpdatedAt = past, past
			return nil
		})
		require.NoError(t, err)
		requireStampsUpdated(t, buurtnet.Timestamps(stored), buurtnet.Timestamps(got))
		requireStampsUpdated(t, buurtnet.Timestamps(stored), buurtnet.Timestamps(mustNode(t, s, "project:sample")))
	})

	t.Run("EnterpriseNumberKept", func(t *testing.T) {
		// An organisation keeping its own number is no conflict with itself.
		s := open(t)
		mustCreate(t, s, sampleOrganisation())
		got, err := s.UpdateNode(t.Context(), "org:sample", func(n buurtnet.Node) error {
			n.(*buurtnet.Organisation).Acronym = "VF2"
			return nil
		})
		require.NoError(t, err)
		require.Equal(t, kboA, got.(*buurtnet.Organisation).EnterpriseNumber)
	})

	t.Run("EnterpriseNumberNormalized", func(t *testing.T) {
		s := open(t)
		mustCreate(t, s, sampleOrganisation())
		got, err := s.UpdateNode(t.Context(), "org:sample", func(n buurtnet.Node) error {
			n.(*buurtnet.Organisation).EnterpriseNumber = "be0314159244"
			return nil
		})
		require.NoError(t, err)
		require.Equal(t, kboC, got.(*buurtnet.Organisation).EnterpriseNumber)
		require.Equal(t, kboC, mustNode(t, s, "org:sample").(*buurtnet.Organisation).EnterpriseNumber)
		// The old number is free again, the new one is taken.
		mustCreate(t, s, &buurtnet.Organisation{ID: "org:other", Name: buurtnet.Text{NL: "Andere"}, EnterpriseNumber: kboA})
		requireErr(t, s.CreateNode(t.Context(), &buurtnet.Organisation{ID: "org:third", Name: buurtnet.Text{NL: "Derde"}, EnterpriseNumber: kboC}), buurtnet.ECONFLICT, "enterpriseNumber")
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		s := open(t)
		mustCreate(t, s, sampleProject())
		before := snapshot(t, s)
		_, err := s.UpdateNode(t.Context(), "project:nope", func(n buurtnet.Node) error { return nil })
		requireErr(t, err, buurtnet.ENOTFOUND, "id")
		requireUnchanged(t, s, before)
	})

	for _, tc := range []struct {
		name        string
		id          string
		change      func(buurtnet.Node) error
		code, field string
	}{
		{"ErrIDChanged", "project:sample", func(n buurtnet.Node) error { n.(*buurtnet.Project).ID = "project:renamed"; return nil }, buurtnet.EINVALID, "id"},
		{"ErrNameRequired", "project:sample", func(n buurtnet.Node) error { n.(*buurtnet.Project).Name = buurtnet.Text{NL: " "}; return nil }, buurtnet.EINVALID, "name"},
		{"ErrPeriodEnd", "project:sample", func(n buurtnet.Node) error { n.(*buurtnet.Project).Period.End = date("2019-08-31"); return nil }, buurtnet.EINVALID, "period.end"},
		{"ErrStatus", "project:sample", func(n buurtnet.Node) error { n.(*buurtnet.Project).Status = "DREAMING"; return nil }, buurtnet.EINVALID, "status"},
		{"ErrEnterpriseNumberInvalid", "org:sample", func(n buurtnet.Node) error {
			n.(*buurtnet.Organisation).EnterpriseNumber = "0123.456.748"
			return nil
		}, buurtnet.EINVALID, "enterpriseNumber"},
		{"ErrEnterpriseNumberTaken", "org:sample", func(n buurtnet.Node) error {
			n.(*buurtnet.Organisation).EnterpriseNumber = "0200 000 043"
			return nil
		}, buurtnet.ECONFLICT, "enterpriseNumber"},
		{"ErrFunctionNumber", "function:sample", func(n buurtnet.Node) error { n.(*buurtnet.Term).Number = 0; return nil }, buurtnet.EINVALID, "number"},
		{"ErrFromChange", "project:sample", func(n buurtnet.Node) error {
			// change's own error comes back as it is, and nothing is stored.
			n.(*buurtnet.Project).Status = buurtnet.StatusEnded
			return buurtnet.FieldError(buurtnet.EFORBIDDEN, "status", "not allowed")
		}, buurtnet.EFORBIDDEN, "status"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			mustCreate(t, s, sampleProject(), sampleOrganisation(), sampleFunction(),
				&buurtnet.Organisation{ID: "org:holder", Name: buurtnet.Text{NL: "Houder"}, EnterpriseNumber: kboB})
			before := snapshot(t, s)
			time.Sleep(tick)
			_, err := s.UpdateNode(t.Context(), tc.id, tc.change)
			requireErr(t, err, tc.code, tc.field)
			requireUnchanged(t, s, before)
		})
	}
}

// ------------------------------------------------------------- DeleteNode

func testDeleteNode(t *testing.T, open Opener) {
	t.Run("OK", func(t *testing.T) {
		// Deleting a territory removes every link to or from it — of every
		// kind, symmetric ones stored either way round — and nothing else.
		s := open(t)
		mustCreate(t, s,
			&buurtnet.Territory{ID: "territory:a", Name: buurtnet.Text{NL: "A"}, Kind: buurtnet.TerritoryMunicipality},
			&buurtnet.Territory{ID: "territory:m", Name: buurtnet.Text{NL: "M"}, Kind: buurtnet.TerritoryNeighbourhood},
			&buurtnet.Territory{ID: "territory:z", Name: buurtnet.Text{NL: "Z"}, Kind: buurtnet.TerritoryNeighbourhood},
			&buurtnet.Territory{ID: "territory:s", Name: buurtnet.Text{NL: "S"}, Kind: buurtnet.TerritoryStreet},
			&buurtnet.Organisation{ID: "org:o", Name: buurtnet.Text{NL: "O"}},
			&buurtnet.Project{ID: "project:p", Name: buurtnet.Text{NL: "P"}})
		mustLink(t, s,
			link(buurtnet.LinkPartOf, "territory:m", "territory:a"), // m is part of a
			link(buurtnet.LinkPartOf, "territory:s", "territory:m"), // s is part of m
			link(buurtnet.LinkPartOf, "territory:z", "territory:a"),
			link(buurtnet.LinkOverlaps, "territory:a", "territory:m"), // stored a, m
			link(buurtnet.LinkAdjacentTo, "territory:m", "territory:z"),
			link(buurtnet.LinkOverlaps, "territory:s", "territory:z"),
			link(buurtnet.LinkActiveIn, "project:p", "territory:m"),
			link(buurtnet.LinkActiveIn, "project:p", "territory:z"),
			link(buurtnet.LinkLocatedIn, "org:o", "territory:m"),
			link(buurtnet.LinkServes, "org:o", "territory:s"),
			link(buurtnet.LinkParticipatesIn, "org:o", "project:p"))
		before := snapshot(t, s)

		require.NoError(t, s.DeleteNode(t.Context(), "territory:m"))

		ns, err := s.Nodes(t.Context(), []string{"territory:m"})
		require.NoError(t, err)
		require.Empty(t, ns)
		after := snapshot(t, s)
		assert.Equal(t, []string{
			"ACTIVE_IN project:p territory:z",
			"OVERLAPS territory:s territory:z",
			"PARTICIPATES_IN org:o project:p",
			"PART_OF territory:z territory:a",
			"SERVES org:o territory:s",
		}, keys(after.Links))
		// The others are untouched, timestamps included.
		want := stamped(before)
		got := stamped(after)
		for id, st := range got.Stamps {
			assert.Equal(t, want.Stamps[id], st, "stamps of %s", id)
		}
		assert.Len(t, after.Territories, 3)
		ls, err := s.Links(t.Context(), buurtnet.LinkQuery{From: []string{"territory:m"}})
		require.NoError(t, err)
		assert.Empty(t, ls)
		ls, err = s.Links(t.Context(), buurtnet.LinkQuery{To: []string{"territory:m"}})
		require.NoError(t, err)
		assert.Empty(t, ls)
	})

	t.Run("Project", func(t *testing.T) {
		// Deleting a project removes its tags, fundings, participations and
		// collaborations, and leaves the other project's profile whole.
		s := loaded(t, open)
		require.NoError(t, s.DeleteNode(t.Context(), "project:zeta"))
		ls, err := s.Links(t.Context(), buurtnet.LinkQuery{From: []string{"project:zeta"}})
		require.NoError(t, err)
		assert.Empty(t, ls)
		ls, err = s.Links(t.Context(), buurtnet.LinkQuery{To: []string{"project:zeta"}})
		require.NoError(t, err)
		assert.Empty(t, ls)
		ps, err := s.Profiles(t.Context(), buurtnet.ProfileQuery{IDs: []string{"project:eta"}})
		require.NoError(t, err)
		require.Len(t, ps, 1)
		assert.Empty(t, ps[0].Collaborators)
		assert.Len(t, ps[0].Participants, 2)
		assert.Len(t, snapshot(t, s).Links, fixtureLinks-7) // zeta had 7 links
	})

	t.Run("FreesIDAndEnterpriseNumber", func(t *testing.T) {
		s := open(t)
		mustCreate(t, s, sampleOrganisation())
		require.NoError(t, s.DeleteNode(t.Context(), "org:sample"))
		mustCreate(t, s, sampleOrganisation())
		mustCreate(t, s, &buurtnet.Organisation{ID: "org:b", Name: buurtnet.Text{NL: "B"}, EnterpriseNumber: kboB})
		require.NoError(t, s.DeleteNode(t.Context(), "org:b"))
		mustCreate(t, s, &buurtnet.Organisation{ID: "org:c", Name: buurtnet.Text{NL: "C"}, EnterpriseNumber: kboB})
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		s := open(t)
		mustCreate(t, s, sampleProject())
		before := snapshot(t, s)
		requireErr(t, s.DeleteNode(t.Context(), "project:nope"), buurtnet.ENOTFOUND, "id")
		requireUnchanged(t, s, before)
	})
}

// ------------------------------------------------------------- Nodes

func testNodes(t *testing.T, open Opener) {
	s := loaded(t, open)
	want := map[string]buurtnet.Node{}
	for _, n := range fixtureNormalized(t).Nodes() {
		want[n.NodeID()] = n
	}

	t.Run("MixedKinds", func(t *testing.T) {
		// Every kind comes back as its own Go type, every field as loaded.
		asked := []string{"project:alfa", "org:de-brug", "territory:markt-oost", "funder:stadsfonds",
			"theme:isolement", "targetgroup:ouderen", "function:zb-4", "org:mutualiteit", "org:entraide", "project:theta"}
		got, err := s.Nodes(t.Context(), asked)
		require.NoError(t, err)
		require.Len(t, got, len(asked))
		byID := map[string]buurtnet.Node{}
		for _, n := range got {
			byID[n.NodeID()] = n
			requireStampsNew(t, buurtnet.Timestamps(n))
		}
		for _, id := range asked {
			require.Contains(t, byID, id)
			assert.IsType(t, want[id], byID[id])
			assert.Equal(t, want[id], clean(byID[id]))
		}
		// Spot checks, so that the comparison above cannot pass on an empty fixture.
		o := byID["org:de-brug"].(*buurtnet.Organisation)
		assert.Equal(t, buurtnet.Text{NL: "Wijkhuis De Brug", FR: "Maison de quartier Le Pont"}, o.Name)
		assert.Equal(t, []buurtnet.Sector{buurtnet.SectorWelfare, buurtnet.SectorCommunity}, o.Sectors)
		assert.Equal(t, kboB, byID["org:mutualiteit"].(*buurtnet.Organisation).EnterpriseNumber)
		assert.Equal(t, buurtnet.Text{FR: "Société d'Entraide Fictive"}, byID["org:entraide"].Names())
		assert.Equal(t, period("2020-01-01", "2022-12-31"), byID["project:alfa"].(*buurtnet.Project).Period)
		assert.Equal(t, period("2022-06-01", ""), byID["project:theta"].(*buurtnet.Project).Period)
		f := byID["function:zb-4"].(*buurtnet.Term)
		assert.Equal(t, buurtnet.KindFunction, f.Kind)
		assert.Equal(t, buurtnet.FrameworkCaringNeighbourhoods, f.Framework)
		assert.Equal(t, 4, f.Number)
		assert.Equal(t, "B", f.Pillar)
		assert.Equal(t, buurtnet.KindTheme, byID["theme:isolement"].NodeKind())
		assert.Equal(t, buurtnet.KindTargetGroup, byID["targetgroup:ouderen"].NodeKind())
	})

	t.Run("UnknownLeftOut", func(t *testing.T) {
		// Unknown ids, ids of no known kind and repeated ids: each stored
		// entity comes back once, the rest is left out without an error.
		got, err := s.Nodes(t.Context(), []string{"project:nope", "territory:noordwijk", "nonsense", "theme:nope", "territory:noordwijk", "org:kruid"})
		require.NoError(t, err)
		assert.Equal(t, []string{"org:kruid", "territory:noordwijk"}, sortedIDs(got))
	})

	t.Run("OnlyUnknown", func(t *testing.T) {
		got, err := s.Nodes(t.Context(), []string{"project:nope"})
		require.NoError(t, err)
		assert.Empty(t, got)
	})

	t.Run("None", func(t *testing.T) {
		got, err := s.Nodes(t.Context(), nil)
		require.NoError(t, err)
		assert.Empty(t, got)
	})

	t.Run("All", func(t *testing.T) {
		all := make([]string, 0, len(want))
		for id := range want {
			all = append(all, id)
		}
		got, err := s.Nodes(t.Context(), all)
		require.NoError(t, err)
		assert.Len(t, got, fixtureEntities)
	})
}
