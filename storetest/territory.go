package storetest

import (
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// TerritoryFixturePath is the fixture of what a territory needs and who is
// there (territory.yaml): partial presence, priorities, the crosswalk.
const TerritoryFixturePath = "testdata/storetest/territory.yaml"

func loadedTerritory(t *testing.T, open Opener) buurtnet.Store {
	t.Helper()
	s := open(t)
	Load(t, s, ReadNetwork(t, TerritoryFixturePath))
	return s
}

// partlyView renders partial presence as "project: territory RELATION …".
func partlyView(ps []*buurtnet.PartialPresence) []string {
	out := []string{}
	for _, p := range ps {
		parts := []string{}
		for _, pl := range p.Places {
			parts = append(parts, pl.Territory+" "+string(pl.Relation))
		}
		out = append(out, p.Project.Project.ID+": "+strings.Join(parts, ", "))
	}
	return out
}

// coverageView renders "term: project … (through function …)".
func coverageView(cs []buurtnet.TermCoverage) []string {
	out := []string{}
	for _, c := range cs {
		s := c.Term.ID + ": " + strings.Join(c.Projects, " ")
		if len(c.Through) > 0 {
			s += " (through " + strings.Join(c.Through, " ") + ")"
		}
		out = append(out, s)
	}
	return out
}

// priorityView renders "term: projects | partly present".
func priorityView(ps []buurtnet.PriorityCoverage) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Term.ID+": "+strings.Join(p.Projects, " ")+" | "+strings.Join(p.PartlyPresent, " "))
	}
	return out
}

func testTerritoryNeeds(t *testing.T, open Opener) {
	s := loadedTerritory(t, open)
	a := analyst(s)

	t.Run("PartlyPresent", func(t *testing.T) {
		// The Molenwijk is split between the two zones: the zones project
		// works in both halves, but the report cannot tell it works in the
		// whole neighbourhood. Deels covers part of Veldstad: where, unknown.
		r, err := a.Gaps(t.Context(), "territory:molenwijk", buurtnet.Date{})
		require.NoError(t, err)
		assert.Empty(t, r.Projects)
		assert.Equal(t, []string{
			"project:deels: territory:veldstad CONTAINS",
			"project:zones: territory:zone-oost PARTIAL, territory:zone-west PARTIAL",
		}, partlyView(r.PartlyPresent))
		// Still gaps, but not silent ones: the partly present projects are named.
		assert.Len(t, r.MissingFunctions, 4)
		assert.Equal(t, []string{
			"function:vvsg-3: project:zones (through function:zb-5)",
			"function:zb-5: project:zones",
		}, coverageView(r.PartlyCoveredFunctions))
		assert.Equal(t, []string{"theme:isolement: project:zones", "theme:mantelzorg: project:deels"}, coverageView(r.PartlyCoveredThemes))
	})

	t.Run("PartlyPresentOverlap", func(t *testing.T) {
		// The Lindewijk shares ground with Veldstad: a project there is
		// partly present. Projects in a neighbourhood of Veldstad are not:
		// that neighbourhood may lie far from the shared part.
		r, err := a.Gaps(t.Context(), "territory:lindewijk", buurtnet.Date{})
		require.NoError(t, err)
		assert.Empty(t, r.Projects)
		assert.Equal(t, []string{"project:deels: territory:veldstad PARTIAL"}, partlyView(r.PartlyPresent))
	})

	t.Run("Crosswalk", func(t *testing.T) {
		// Toeleiding works on building block 5, which is VVSG's
		// "Toeleiding": no gap in either list.
		r, err := a.Gaps(t.Context(), "territory:beekwijk", buurtnet.Date{})
		require.NoError(t, err)
		assert.Equal(t, []string{"project:detectie", "project:toeleiding"}, gapProjects(r))
		assert.Empty(t, r.MissingFunctions)
		assert.Equal(t, []string{
			"function:vvsg-2: project:detectie",
			"function:vvsg-3: project:toeleiding (through function:zb-5)",
			"function:zb-4: project:detectie (through function:vvsg-2)",
			"function:zb-5: project:toeleiding",
		}, coverageView(r.CoveredFunctions))
		assert.Equal(t, []string{"project:deels: territory:veldstad CONTAINS"}, partlyView(r.PartlyPresent))
	})

	t.Run("Priorities", func(t *testing.T) {
		r, err := a.Gaps(t.Context(), "territory:beekwijk", buurtnet.Date{})
		require.NoError(t, err)
		// Themes first, then target groups. Isolation is the Beekwijk's own
		// priority and nobody there works on it: a gap, whatever the lists say.
		assert.Equal(t, []string{
			"theme:isolement:  | ",
			"theme:mantelzorg:  | project:deels",
			"targetgroup:ouderen: project:toeleiding | ",
		}, priorityView(r.Priorities))
		assert.True(t, r.Priorities[0].Missing())
		assert.False(t, r.Priorities[2].Missing())
		assert.Equal(t, "Buurtanalyse Beekwijk 2021", r.Priorities[0].Link.Source)

		// On a day, only the priorities in force count.
		r, err = a.Gaps(t.Context(), "territory:beekwijk", date("2023-03-01"))
		require.NoError(t, err)
		assert.Equal(t, []string{"theme:isolement:  | ", "targetgroup:ouderen: project:toeleiding | "}, priorityView(r.Priorities))

		// Priorities are the territory's own: Veldstad chose none.
		r, err = a.Gaps(t.Context(), "territory:veldstad", buurtnet.Date{})
		require.NoError(t, err)
		assert.Empty(t, r.Priorities)
	})

	t.Run("ComplementaryThroughCrosswalk", func(t *testing.T) {
		// One detects (VVSG 2), the other refers (building block 5): the
		// crosswalk makes them complementary, counted once.
		ss, err := a.Synergies(t.Context(), buurtnet.SynergyQuery{Territory: "territory:beekwijk"})
		require.NoError(t, err)
		require.Len(t, ss, 1)
		var complementary []string
		for _, r := range ss[0].Reasons {
			if r.Code == buurtnet.ReasonComplementaryFunctions {
				subjects := append([]string(nil), r.Subjects...)
				sort.Strings(subjects)
				complementary = append(complementary, strings.Join(subjects, " "))
				assert.Equal(t, 2, r.Points)
			}
		}
		assert.Equal(t, []string{"function:vvsg-2 function:zb-5"}, complementary)
	})

	t.Run("CrosswalkIsData", func(t *testing.T) {
		// Without the links, the two lists do not know each other.
		s := loadedTerritory(t, open)
		a := analyst(s)
		require.NoError(t, s.DeleteLink(t.Context(), key(buurtnet.LinkCorrespondsTo, "function:vvsg-3", "function:zb-5")))
		require.NoError(t, s.DeleteLink(t.Context(), key(buurtnet.LinkCorrespondsTo, "function:zb-4", "function:vvsg-2")))
		r, err := a.Gaps(t.Context(), "territory:beekwijk", buurtnet.Date{})
		require.NoError(t, err)
		assert.Equal(t, []string{"function:vvsg-3", "function:zb-4"}, termIDs(r.MissingFunctions))
		ss, err := a.Synergies(t.Context(), buurtnet.SynergyQuery{Territory: "territory:beekwijk"})
		require.NoError(t, err)
		require.Len(t, ss, 1)
		for _, r := range ss[0].Reasons {
			assert.NotEqual(t, buurtnet.ReasonComplementaryFunctions, r.Code)
		}
	})

	t.Run("Uninvolved", func(t *testing.T) {
		// The youth centre is in the Beekwijk but works in the zones only;
		// the bakery is there and in no project; the welfare house takes part
		// in the referral project there. The OCMW serves all of Veldstad,
		// not the Beekwijk in particular.
		r, err := a.Uninvolved(t.Context(), buurtnet.NetworkScope{Territory: "territory:beekwijk"}, 0)
		require.NoError(t, err)
		assert.Equal(t, &buurtnet.UninvolvedReport{
			Sectors:       []buurtnet.SectorOrganisations{{Sector: buurtnet.SectorYouth, Organisations: []string{"org:jeugdhuis"}}},
			WithoutSector: []string{"org:bakker"},
			Total:         2,
		}, r)

		// In Veldstad the zones project works, so the youth centre is involved.
		r, err = a.Uninvolved(t.Context(), buurtnet.NetworkScope{Territory: "territory:veldstad"}, 0)
		require.NoError(t, err)
		assert.Equal(t, &buurtnet.UninvolvedReport{
			Sectors:       []buurtnet.SectorOrganisations{{Sector: buurtnet.SectorSocialServices, Organisations: []string{"org:ocmw"}}},
			WithoutSector: []string{"org:bakker"},
			Total:         2,
		}, r)

		for _, tc := range []struct {
			name  string
			scope buurtnet.NetworkScope
			first int
			code  string
			field string
		}{
			{"ErrNoTerritory", buurtnet.NetworkScope{}, 0, buurtnet.EINVALID, "territory"},
			{"ErrNotFound", buurtnet.NetworkScope{Territory: "territory:nowhere"}, 0, buurtnet.ENOTFOUND, "territory"},
			{"ErrFirst", buurtnet.NetworkScope{Territory: "territory:beekwijk"}, -1, buurtnet.EINVALID, "first"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := a.Uninvolved(t.Context(), tc.scope, tc.first)
				requireErr(t, err, tc.code, tc.field)
			})
		}
	})

	t.Run("PriorityLinks", func(t *testing.T) {
		s := loadedTerritory(t, open)
		for _, tc := range []struct {
			name  string
			link  *buurtnet.Link
			field string
		}{
			{"ErrSourceRequired", link(buurtnet.LinkPrioritises, "territory:molenwijk", "theme:isolement"), "source"},
			{"ErrGroupSourceRequired", link(buurtnet.LinkPrioritisesGroup, "territory:molenwijk", "targetgroup:ouderen"), "source"},
			{"ErrCrosswalkSourceRequired", link(buurtnet.LinkCorrespondsTo, "function:vvsg-2", "function:zb-5"), "source"},
			{"ErrNotATerritory", withSource(link(buurtnet.LinkPrioritises, "project:zones", "theme:isolement")), "from"},
			{"ErrNotATheme", withSource(link(buurtnet.LinkPrioritises, "territory:molenwijk", "targetgroup:ouderen")), "to"},
			{"ErrBadPeriod", withPeriod(withSource(link(buurtnet.LinkPrioritises, "territory:molenwijk", "theme:isolement")), "2024-01-01", "2023-01-01"), "period"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before := snapshot(t, s)
				err := s.CreateLink(t.Context(), tc.link)
				require.Error(t, err)
				assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err), "%v", err)
				assert.True(t, strings.HasPrefix(buurtnet.ErrorField(err), tc.field), "field %q of %v", buurtnet.ErrorField(err), err)
				requireUnchanged(t, s, before)
			})
		}
		t.Run("ErrClearSource", func(t *testing.T) {
			_, err := s.UpdateLink(t.Context(), key(buurtnet.LinkPrioritises, "territory:beekwijk", "theme:isolement"), buurtnet.LinkUpdate{Source: ptr("")})
			requireErr(t, err, buurtnet.EINVALID, "source")
		})
	})
}

func withSource(l *buurtnet.Link) *buurtnet.Link { l.Source = "storetest"; return l }

func withPeriod(l *buurtnet.Link, start, end string) *buurtnet.Link {
	l.Period = period(start, end)
	return l
}

func gapProjects(r *buurtnet.GapReport) []string {
	out := []string{}
	for _, p := range r.Projects {
		out = append(out, p.Project.ID)
	}
	return out
}

func termIDs(ts []*buurtnet.Term) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}
