package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// The answers below are worked out by hand from testdata/storetest/network.yaml.
// The projects and where and when they work (project period ∩ link period):
//
//	alfa     Noordwijk 2020-01-01..2022-12-31, Marktwijk 2020-03-01..2021-03-31
//	beta     Noordwijk 2021-01-01..2023-06-30, Marktwijk-Oost (PART) 2021-01-01..2021-06-30
//	delta    Fictiestad (WHOLE) 2018
//	epsilon  Fictiestad (PART) 2024
//	eta      Buurdorp 2020-06-01..2022-06-30
//	gamma    Zone Oost 2019-01-01..2020-06-30
//	iota     nowhere, no period
//	theta    Noordwijk A 2022-06-01..
//	zeta     Grenswijk 2020-02-01..2021-12-31
//
// Overlapping pairs: alfa–beta (SAME Noordwijk, and Marktwijk CONTAINS
// Marktwijk-Oost), alfa–gamma (PARTIAL: Marktwijk and Zone Oost share
// Marktwijk-Oost), alfa–theta and beta–theta (Noordwijk CONTAINS Noordwijk A),
// epsilon–theta (Fictiestad CONTAINS Noordwijk A, in 2024), eta–zeta
// (PARTIAL: Grenswijk OVERLAPS Buurdorp). Not overlapping for lack of common
// days: delta with anyone, beta's Marktwijk-Oost with gamma.

func analyst(s buurtnet.Store) *buurtnet.Analyst { return &buurtnet.Analyst{Store: s} }

var (
	alfaSeesBeta = overlapView{
		Project: "project:beta",
		Places: []string{
			"territory:marktwijk CONTAINS territory:markt-oost 2021-01-01..2021-03-31",
			"territory:noordwijk SAME territory:noordwijk 2021-01-01..2022-12-31",
		},
		Period:             "2021-01-01..2022-12-31",
		SharedPartners:     []string{},
		SharedThemes:       []string{"theme:isolement"},
		SharedTargetGroups: []string{"targetgroup:ouderen"},
		SharedFunctions:    []string{},
		SubjectFunders:     []string{"funder:stadsfonds"},
		OtherFunders:       []string{"funder:gewestfonds"},
	}
	alfaSeesTheta = overlapView{
		Project:            "project:theta",
		Places:             []string{"territory:noordwijk CONTAINS territory:noord-a 2022-06-01..2022-12-31"},
		Period:             "2022-06-01..2022-12-31",
		SharedPartners:     []string{"org:kruid"},
		SharedThemes:       []string{"theme:isolement"},
		SharedTargetGroups: []string{},
		SharedFunctions:    []string{"function:vvsg-2"},
		SubjectFunders:     []string{"funder:stadsfonds"},
		OtherFunders:       []string{},
	}
	alfaSeesGamma = overlapView{
		Project:            "project:gamma",
		Places:             []string{"territory:marktwijk PARTIAL territory:zone-oost 2020-03-01..2020-06-30"},
		Period:             "2020-03-01..2020-06-30",
		SharedPartners:     []string{"org:de-brug"},
		SharedThemes:       []string{},
		SharedTargetGroups: []string{},
		SharedFunctions:    []string{},
		SubjectFunders:     []string{"funder:stadsfonds"},
		OtherFunders:       []string{"funder:stadsfonds"},
	}
)

func testOverlaps(t *testing.T, open Opener) {
	s := loaded(t, open)
	a := analyst(s)
	overlaps := func(t *testing.T, id string, on buurtnet.Date) []overlapView {
		t.Helper()
		subject, os, err := a.Overlaps(t.Context(), id, on)
		require.NoError(t, err)
		require.NotNil(t, subject)
		require.Equal(t, id, subject.Project.ID)
		return viewOverlaps(os)
	}

	t.Run("Alfa", func(t *testing.T) {
		// SAME first, then nested, then partial. Delta (2018) and epsilon
		// (2024) work around alfa's places but not at the same time.
		assert.Equal(t, []overlapView{alfaSeesBeta, alfaSeesTheta, alfaSeesGamma}, overlaps(t, "project:alfa", buurtnet.Date{}))
	})

	t.Run("AlfaOn", func(t *testing.T) {
		// On a day, only presence on that day counts.
		assert.Equal(t, []overlapView{alfaSeesGamma}, overlaps(t, "project:alfa", date("2020-04-01")))
		onlySame := alfaSeesBeta
		onlySame.Places = alfaSeesBeta.Places[1:] // alfa left the Marktwijk in 2021
		assert.Equal(t, []overlapView{onlySame, alfaSeesTheta}, overlaps(t, "project:alfa", date("2022-08-01")))
		assert.Equal(t, []overlapView{alfaSeesBeta}, overlaps(t, "project:alfa", date("2021-02-01")))
		assert.Empty(t, overlaps(t, "project:alfa", date("2023-01-01")))
	})

	t.Run("Within", func(t *testing.T) {
		assert.Equal(t, []overlapView{
			{Project: "project:alfa", Places: []string{"territory:noord-a WITHIN territory:noordwijk 2022-06-01..2022-12-31"}, Period: "2022-06-01..2022-12-31",
				SharedPartners: []string{"org:kruid"}, SharedThemes: []string{"theme:isolement"}, SharedTargetGroups: []string{}, SharedFunctions: []string{"function:vvsg-2"},
				SubjectFunders: []string{}, OtherFunders: []string{"funder:stadsfonds"}},
			{Project: "project:beta", Places: []string{"territory:noord-a WITHIN territory:noordwijk 2022-06-01..2023-06-30"}, Period: "2022-06-01..2023-06-30",
				SharedPartners: []string{}, SharedThemes: []string{"theme:isolement"}, SharedTargetGroups: []string{}, SharedFunctions: []string{},
				SubjectFunders: []string{}, OtherFunders: []string{"funder:gewestfonds"}},
			{Project: "project:epsilon", Places: []string{"territory:noord-a WITHIN territory:fictiestad 2024-01-01..2024-12-31"}, Period: "2024-01-01..2024-12-31",
				SharedPartners: []string{}, SharedThemes: []string{}, SharedTargetGroups: []string{}, SharedFunctions: []string{},
				SubjectFunders: []string{}, OtherFunders: []string{"funder:stichting-linde"}},
		}, overlaps(t, "project:theta", buurtnet.Date{}))
	})

	t.Run("PartialThroughOverlaps", func(t *testing.T) {
		assert.Equal(t, []overlapView{{
			Project: "project:eta", Places: []string{"territory:grenswijk PARTIAL territory:buurdorp 2020-06-01..2021-12-31"}, Period: "2020-06-01..2021-12-31",
			SharedPartners: []string{"org:kc-zorg"}, SharedThemes: []string{}, SharedTargetGroups: []string{"targetgroup:ouderen"}, SharedFunctions: []string{},
			SubjectFunders: []string{"funder:stichting-linde"}, OtherFunders: []string{"funder:gewestfonds"},
		}}, overlaps(t, "project:zeta", buurtnet.Date{}))
	})

	t.Run("PartialThroughSharedPart", func(t *testing.T) {
		// Beta works in Marktwijk-Oost, inside Zone Oost, but only from 2021.
		assert.Equal(t, []overlapView{{
			Project: "project:alfa", Places: []string{"territory:zone-oost PARTIAL territory:marktwijk 2020-03-01..2020-06-30"}, Period: "2020-03-01..2020-06-30",
			SharedPartners: []string{"org:de-brug"}, SharedThemes: []string{}, SharedTargetGroups: []string{}, SharedFunctions: []string{},
			SubjectFunders: []string{"funder:stadsfonds"}, OtherFunders: []string{"funder:stadsfonds"},
		}}, overlaps(t, "project:gamma", buurtnet.Date{}))
	})

	t.Run("None", func(t *testing.T) {
		assert.Empty(t, overlaps(t, "project:delta", buurtnet.Date{}))
		assert.Empty(t, overlaps(t, "project:iota", buurtnet.Date{}))
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		_, _, err := a.Overlaps(t.Context(), "project:nope", buurtnet.Date{})
		requireErr(t, err, buurtnet.ENOTFOUND, "project")
		_, _, err = a.Overlaps(t.Context(), "org:kruid", buurtnet.Date{})
		requireErr(t, err, buurtnet.EINVALID, "project")
	})
}

// An existing collaboration decides the list a pair is in, not its rank;
// an organisation coordinating one project and taking part in the other is
// no bridge (it is that project taking part); unknown funders earn nothing
// and are said.
var (
	synAlfaBeta = synergyView{Pair: "project:alfa project:beta", Kind: buurtnet.SynergyIntroduction, Score: 10, Reasons: []string{
		"SAME_TERRITORY 2 territory:noordwijk",
		"SAME_TARGET_GROUP_NO_SHARED_PARTNER 3 targetgroup:ouderen",
		"COMPLEMENTARY_FUNCTIONS 2 function:vvsg-2 function:vvsg-3",
		"DIFFERENT_FUNDERS 2 funder:stadsfonds funder:gewestfonds",
		"SHARED_THEME 1 theme:isolement",
	}}
	synBetaTheta = synergyView{Pair: "project:beta project:theta", Kind: buurtnet.SynergyIntroduction, Score: 4, Reasons: []string{
		"NESTED_TERRITORY 1 territory:noordwijk territory:noord-a",
		"COMPLEMENTARY_FUNCTIONS 2 function:vvsg-2 function:vvsg-3", // theta detects, beta refers
		"FUNDERS_UNKNOWN 0 project:theta",
		"SHARED_THEME 1 theme:isolement",
	}}
	synAlfaTheta = synergyView{Pair: "project:alfa project:theta", Kind: buurtnet.SynergyIntroduction, Score: 3, Reasons: []string{
		"NESTED_TERRITORY 1 territory:noordwijk territory:noord-a",
		"FUNDERS_UNKNOWN 0 project:theta",
		"BRIDGING_ORGANISATION 1 org:kruid", // a partner of both, coordinating neither
		"SHARED_THEME 1 theme:isolement",
	}}
	// Eta and zeta collaborate formally, and kc-zorg, zeta's coordinator,
	// takes part in eta: a collaboration to strengthen, not a bridge.
	synEtaZeta = synergyView{Pair: "project:eta project:zeta", Kind: buurtnet.SynergyStrengthen, Score: 4, Reasons: []string{
		"ALREADY_COLLABORATING 0",
		"COORDINATOR_TAKES_PART 0 org:kc-zorg project:zeta project:eta",
		"PARTIAL_TERRITORY 0 territory:buurdorp territory:grenswijk",
		"COMPLEMENTARY_FUNCTIONS 2 function:zb-4 function:zb-5",
		"DIFFERENT_FUNDERS 2 funder:gewestfonds funder:stichting-linde",
	}}
	// De Brug coordinates alfa and takes part in gamma.
	synAlfaGamma = synergyView{Pair: "project:alfa project:gamma", Kind: buurtnet.SynergyStrengthen, Score: 0, Reasons: []string{
		"COORDINATOR_TAKES_PART 0 org:de-brug project:alfa project:gamma",
		"PARTIAL_TERRITORY 0 territory:marktwijk territory:zone-oost",
	}}
	synEpsilonTheta = synergyView{Pair: "project:epsilon project:theta", Kind: buurtnet.SynergyIntroduction, Score: 1, Reasons: []string{
		"NESTED_TERRITORY 1 territory:fictiestad territory:noord-a",
		"FUNDERS_UNKNOWN 0 project:theta",
	}}
)

func testSynergies(t *testing.T, open Opener) {
	s := loaded(t, open)
	a := analyst(s)
	synergies := func(t *testing.T, q buurtnet.SynergyQuery) []synergyView {
		t.Helper()
		ss, err := a.Synergies(t.Context(), q)
		require.NoError(t, err)
		for _, sy := range ss {
			require.NotNil(t, sy.Overlap)
			require.Equal(t, sy.B.Project.ID, sy.Overlap.Project.Project.ID)
		}
		return viewSynergies(ss)
	}

	for _, tc := range []struct {
		name string
		q    buurtnet.SynergyQuery
		want []synergyView
	}{
		// Best first; ties by the pair's ids.
		{"All", buurtnet.SynergyQuery{}, []synergyView{synAlfaBeta, synBetaTheta, synEtaZeta, synAlfaTheta, synEpsilonTheta, synAlfaGamma}},
		{"First", buurtnet.SynergyQuery{First: 2}, []synergyView{synAlfaBeta, synBetaTheta}},
		// The two lists a facilitator acts on.
		{"Introductions", buurtnet.SynergyQuery{Kind: buurtnet.SynergyIntroduction}, []synergyView{synAlfaBeta, synBetaTheta, synAlfaTheta, synEpsilonTheta}},
		{"Strengthen", buurtnet.SynergyQuery{Kind: buurtnet.SynergyStrengthen}, []synergyView{synEtaZeta, synAlfaGamma}},
		{"StrengthenFirst", buurtnet.SynergyQuery{Kind: buurtnet.SynergyStrengthen, First: 1}, []synergyView{synEtaZeta}},
		// Both in Noordwijk: delta covers the whole of Fictiestad (counted,
		// but meets nobody in time), epsilon only part of it (not counted).
		{"Territory", buurtnet.SynergyQuery{Territory: "territory:noordwijk"}, []synergyView{synAlfaBeta, synBetaTheta, synAlfaTheta}},
		// Zeta's Grenswijk only overlaps Buurdorp: zeta does not work in Buurdorp.
		{"TerritoryPartial", buurtnet.SynergyQuery{Territory: "territory:buurdorp"}, []synergyView{}},
		{"Theme", buurtnet.SynergyQuery{Theme: "theme:mantelzorg"}, []synergyView{synEtaZeta, synAlfaGamma}},
		{"TerritoryAndTheme", buurtnet.SynergyQuery{Territory: "territory:fictiestad", Theme: "theme:mentaal"}, []synergyView{synAlfaBeta, synAlfaTheta, synAlfaGamma}},
		{"On", buurtnet.SynergyQuery{On: date("2020-04-01")}, []synergyView{synAlfaGamma}},
		{"OnLater", buurtnet.SynergyQuery{On: date("2021-02-01")}, []synergyView{synAlfaBeta, synEtaZeta}},
		{"TerritoryThemeFirst", buurtnet.SynergyQuery{Territory: "territory:fictiestad", Theme: "theme:isolement", First: 4},
			[]synergyView{synAlfaBeta, synBetaTheta, synAlfaTheta, synEpsilonTheta}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, synergies(t, tc.q))
		})
	}

	t.Run("Sentences", func(t *testing.T) {
		// The reasons read out with the names the store keeps (the wording
		// itself is the domain's, not the store's).
		ss, err := a.Synergies(t.Context(), buurtnet.SynergyQuery{First: 1})
		require.NoError(t, err)
		require.Len(t, ss, 1)
		names := nameIndex(t, s)
		funders := ss[0].Reasons[3].Sentence(buurtnet.NL, names)
		assert.Contains(t, funders, "Stadsfonds Fictiestad")
		assert.Contains(t, funders, "Fictief Gewestelijk Zorgfonds")
		assert.Contains(t, ss[0].Reasons[1].Sentence(buurtnet.FR, names), "Personnes âgées")
		assert.Contains(t, ss[0].Reasons[2].Sentence(buurtnet.FR, names), "Détection")
	})

	for _, tc := range []struct {
		name        string
		q           buurtnet.SynergyQuery
		code, field string
	}{
		{"ErrTerritoryNotFound", buurtnet.SynergyQuery{Territory: "territory:nowhere"}, buurtnet.ENOTFOUND, "territory"},
		{"ErrTerritoryKind", buurtnet.SynergyQuery{Territory: "theme:mentaal"}, buurtnet.EINVALID, "territory"},
		{"ErrThemeNotFound", buurtnet.SynergyQuery{Theme: "theme:nope"}, buurtnet.ENOTFOUND, "theme"},
		{"ErrFirst", buurtnet.SynergyQuery{First: -1}, buurtnet.EINVALID, "first"},
		{"ErrKind", buurtnet.SynergyQuery{Kind: "MAYBE"}, buurtnet.EINVALID, "kind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := a.Synergies(t.Context(), tc.q)
			requireErr(t, err, tc.code, tc.field)
		})
	}
}

func testGaps(t *testing.T, open Opener) {
	s := loaded(t, open)
	a := analyst(s)
	all := func(prefix string, ids ...string) []string {
		out := []string{}
		for _, id := range ids {
			out = append(out, prefix+id)
		}
		return out
	}
	for _, tc := range []struct {
		name      string
		territory string
		on        buurtnet.Date
		want      gapView
	}{
		{"Noordwijk", "territory:noordwijk", buurtnet.Date{}, gapView{
			// Delta covers the whole of Fictiestad: counted. Epsilon only part
			// of it: not counted, so its policy advice (vvsg-8) is a gap here.
			Projects:         all("project:", "alfa", "beta", "delta", "theta"),
			MissingFunctions: all("function:", "vvsg-8", "zb-4", "zb-5"),
			MissingThemes:    all("theme:", "mantelzorg", "onderbescherming"),
			CoveredFunctions: []string{"function:vvsg-1: project:delta", "function:vvsg-2: project:alfa project:theta", "function:vvsg-3: project:beta"},
			CoveredThemes:    []string{"theme:isolement: project:alfa project:beta project:theta", "theme:mentaal: project:alfa"},
		}},
		{"NoordwijkOn", "territory:noordwijk", date("2021-06-01"), gapView{
			Projects:         all("project:", "alfa", "beta"),
			MissingFunctions: all("function:", "vvsg-1", "vvsg-8", "zb-4", "zb-5"),
			MissingThemes:    all("theme:", "mantelzorg", "onderbescherming"),
			CoveredFunctions: []string{"function:vvsg-2: project:alfa", "function:vvsg-3: project:beta"},
			CoveredThemes:    []string{"theme:isolement: project:alfa project:beta", "theme:mentaal: project:alfa"},
		}},
		{"Fictiestad", "territory:fictiestad", buurtnet.Date{}, gapView{
			// Everything within counts; eta's Buurdorp only overlaps.
			Projects:         all("project:", "alfa", "beta", "delta", "epsilon", "gamma", "theta", "zeta"),
			MissingFunctions: all("function:", "zb-5"),
			MissingThemes:    []string{},
			CoveredFunctions: []string{
				"function:vvsg-1: project:delta project:gamma",
				"function:vvsg-2: project:alfa project:theta",
				"function:vvsg-3: project:beta",
				"function:vvsg-8: project:epsilon",
				"function:zb-4: project:zeta",
			},
			CoveredThemes: []string{
				"theme:isolement: project:alfa project:beta project:theta",
				"theme:mantelzorg: project:gamma",
				"theme:mentaal: project:alfa project:zeta",
				"theme:onderbescherming: project:epsilon",
			},
		}},
		{"Marktwijk", "territory:marktwijk", buurtnet.Date{}, gapView{
			// Beta works in a part of it (counted whatever its coverage);
			// gamma's Zone Oost shares only a part (not counted).
			Projects:         all("project:", "alfa", "beta", "delta"),
			MissingFunctions: all("function:", "vvsg-8", "zb-4", "zb-5"),
			MissingThemes:    all("theme:", "mantelzorg", "onderbescherming"),
			CoveredFunctions: []string{"function:vvsg-1: project:delta", "function:vvsg-2: project:alfa", "function:vvsg-3: project:beta"},
			CoveredThemes:    []string{"theme:isolement: project:alfa project:beta", "theme:mentaal: project:alfa"},
		}},
		{"Zuidwijk", "territory:zuidwijk", buurtnet.Date{}, gapView{
			Projects:         all("project:", "delta"),
			MissingFunctions: all("function:", "vvsg-2", "vvsg-3", "vvsg-8", "zb-4", "zb-5"),
			MissingThemes:    all("theme:", "isolement", "mantelzorg", "mentaal", "onderbescherming"),
			CoveredFunctions: []string{"function:vvsg-1: project:delta"},
			CoveredThemes:    []string{},
		}},
		{"Buurdorp", "territory:buurdorp", buurtnet.Date{}, gapView{
			Projects:         all("project:", "eta"),
			MissingFunctions: all("function:", "vvsg-1", "vvsg-2", "vvsg-3", "vvsg-8", "zb-4"),
			MissingThemes:    all("theme:", "isolement", "mentaal", "onderbescherming"),
			CoveredFunctions: []string{"function:zb-5: project:eta"},
			CoveredThemes:    []string{"theme:mantelzorg: project:eta"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := a.Gaps(t.Context(), tc.territory, tc.on)
			require.NoError(t, err)
			assert.Equal(t, tc.territory, r.Territory)
			assert.Equal(t, tc.want, viewGaps(r))
		})
	}

	t.Run("Terms", func(t *testing.T) {
		// The gaps are whole terms, as stored.
		r, err := a.Gaps(t.Context(), "territory:zuidwijk", buurtnet.Date{})
		require.NoError(t, err)
		want := map[string]buurtnet.Node{}
		for _, n := range fixtureNormalized(t).Nodes() {
			want[n.NodeID()] = n
		}
		for _, term := range append(r.MissingFunctions, r.MissingThemes...) {
			assert.Equal(t, want[term.ID], clean(term))
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := a.Gaps(t.Context(), "territory:nowhere", buurtnet.Date{})
		requireErr(t, err, buurtnet.ENOTFOUND, "territory")
	})
}

func testStakeholderMap(t *testing.T, open Opener) {
	s := loaded(t, open)
	a := analyst(s)
	for _, tc := range []struct {
		project string
		want    stakeholderView
	}{
		{"project:alfa", stakeholderView{
			Levels:     []string{"INFORM:", "CONSULT: org:kruid (PARTNER)", "CO_CREATE:", "CO_DECIDE: org:de-brug (COORDINATOR)"},
			Unassessed: []string{"org:mutualiteit (ASSOCIATE)"},
		}},
		{"project:eta", stakeholderView{
			Levels:     []string{"INFORM: org:kc-zorg (PARTNER)", "CONSULT:", "CO_CREATE:", "CO_DECIDE: org:entraide (COORDINATOR)"},
			Unassessed: []string{},
		}},
		{"project:theta", stakeholderView{
			Levels:     []string{"INFORM:", "CONSULT:", "CO_CREATE:", "CO_DECIDE:"},
			Unassessed: []string{"org:kruid (PARTNER)"},
		}},
		{"project:iota", stakeholderView{
			Levels:     []string{"INFORM:", "CONSULT:", "CO_CREATE:", "CO_DECIDE:"},
			Unassessed: []string{},
		}},
	} {
		t.Run(tc.project, func(t *testing.T) {
			m, err := a.StakeholderMap(t.Context(), tc.project)
			require.NoError(t, err)
			assert.Equal(t, tc.project, m.Project.Project.ID)
			assert.Equal(t, tc.want, viewStakeholders(m))
		})
	}

	t.Run("Participation", func(t *testing.T) {
		// The groups hold the whole participation links.
		m, err := a.StakeholderMap(t.Context(), "project:alfa")
		require.NoError(t, err)
		require.Len(t, m.Levels[3].Participants, 1)
		l := m.Levels[3].Participants[0]
		assert.Equal(t, "Trekker", l.Note)
		assert.Equal(t, "storetest fixture", l.Source)
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := a.StakeholderMap(t.Context(), "project:nope")
		requireErr(t, err, buurtnet.ENOTFOUND, "project")
	})
}

// nameIndex maps every id in the store to its name.
func nameIndex(t testing.TB, s buurtnet.Store) map[string]buurtnet.Text {
	t.Helper()
	n, err := s.Snapshot(t.Context())
	require.NoError(t, err)
	out := map[string]buurtnet.Text{}
	for _, node := range n.Nodes() {
		out[node.NodeID()] = node.Names()
	}
	return out
}
