package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

func testFind(t *testing.T, open Opener) {
	s := loaded(t, open)

	find := func(t *testing.T, f buurtnet.NodeFilter) ([]string, int) {
		t.Helper()
		ns, total, err := s.Find(t.Context(), f)
		require.NoError(t, err, "%+v", f)
		for _, n := range ns {
			require.Equal(t, f.Kind, n.NodeKind(), "Find returns only entities of the kind asked for")
		}
		return ids(ns), total
	}

	// Every filter field, for every kind it applies to. The results are
	// compared as sets (sorted by id); order is tested below.
	for _, tc := range []struct {
		name   string
		filter buurtnet.NodeFilter
		want   []string // sorted
	}{
		{"Kind/Organisation", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation},
			[]string{"org:de-brug", "org:elan", "org:entraide", "org:kc-zorg", "org:kruid", "org:mutualiteit"}},
		{"Kind/Theme", buurtnet.NodeFilter{Kind: buurtnet.KindTheme},
			[]string{"theme:isolement", "theme:mantelzorg", "theme:mentaal", "theme:onderbescherming"}},
		{"Kind/TargetGroup", buurtnet.NodeFilter{Kind: buurtnet.KindTargetGroup},
			[]string{"targetgroup:iedereen", "targetgroup:mantelzorgers", "targetgroup:ouderen"}},
		{"Kind/Function", buurtnet.NodeFilter{Kind: buurtnet.KindFunction},
			[]string{"function:vvsg-1", "function:vvsg-2", "function:vvsg-3", "function:vvsg-8", "function:zb-4", "function:zb-5"}},
		{"Kind/Funder", buurtnet.NodeFilter{Kind: buurtnet.KindFunder},
			[]string{"funder:gewestfonds", "funder:stadsfonds", "funder:stichting-linde"}},

		// Search: any language, the acronym, case and accents ignored; not
		// the description; LIKE wildcards are plain characters.
		{"Search/Accents", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "societe"}, []string{"org:entraide"}},
		{"Search/AccentsInQuery", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "SOCIÉTÉ"}, []string{"org:entraide"}},
		{"Search/AccentInitial", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "elan"}, []string{"org:elan"}},
		{"Search/Dutch", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "brug"}, []string{"org:de-brug"}},
		{"Search/French", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "Maison de Quartier"}, []string{"org:de-brug"}},
		{"Search/EitherLanguage", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "fictive"}, []string{"org:entraide", "org:mutualiteit"}},
		{"Search/Acronym", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "wdb"}, []string{"org:de-brug"}},
		{"Search/Apostrophe", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "d'entraide"}, []string{"org:entraide"}},
		{"Search/NotDescription", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "fictiestad"}, nil},
		{"Search/Percent", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "%"}, nil},
		{"Search/Underscore", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Search: "_"}, nil},
		{"Search/Project", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Search: "RESEAU"}, []string{"project:beta"}},
		{"Search/ProjectPart", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Search: "zorg"}, []string{"project:alfa", "project:beta"}},
		{"Search/Territory", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Search: "quartier"},
			[]string{"territory:grenswijk", "territory:marktwijk", "territory:noord-a", "territory:noordwijk", "territory:zuidwijk"}},
		{"Search/TerritoryFrench", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Search: "eglise"},
			[]string{"territory:buurdorp-kerkstraat", "territory:fictiestad-kerkstraat"}},
		{"Search/TerritoryEnglish", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Search: "fiction town"}, []string{"territory:fictiestad"}},
		{"Search/FunderAcronym", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Search: "FGZ"}, []string{"funder:gewestfonds"}},
		{"Search/Funder", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Search: "tilleul"}, []string{"funder:stichting-linde"}},
		{"Search/Theme", buurtnet.NodeFilter{Kind: buurtnet.KindTheme, Search: "aidants"}, []string{"theme:mantelzorg"}},
		{"Search/TargetGroup", buurtnet.NodeFilter{Kind: buurtnet.KindTargetGroup, Search: "aidants"}, []string{"targetgroup:mantelzorgers"}},
		{"Search/Function", buurtnet.NodeFilter{Kind: buurtnet.KindFunction, Search: "detection"}, []string{"function:vvsg-2", "function:zb-4"}},
		{"Search/NoMatch", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Search: "nergens"}, nil},

		// Territory: the territory and every territory within it, through
		// either parent of Marktwijk-Oost; not containing territories, not
		// overlapping ones.
		{"Territory/Project", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:fictiestad"},
			[]string{"project:alfa", "project:beta", "project:delta", "project:epsilon", "project:gamma", "project:theta", "project:zeta"}},
		{"Territory/ProjectNotContaining", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:noordwijk"},
			[]string{"project:alfa", "project:beta", "project:theta"}},
		{"Territory/ProjectSecondParent", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:zone-oost"},
			[]string{"project:beta", "project:gamma"}},
		{"Territory/ProjectFirstParent", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:marktwijk"},
			[]string{"project:alfa", "project:beta"}},
		{"Territory/ProjectNotOverlapping", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:buurdorp"},
			[]string{"project:eta"}},
		{"Territory/ProjectNone", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:zuidwijk"}, nil},
		{"Territory/Organisation", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Territory: "territory:fictiestad"},
			[]string{"org:de-brug", "org:elan", "org:kruid", "org:mutualiteit"}},
		{"Territory/OrganisationSecondParent", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Territory: "territory:zone-oost"},
			[]string{"org:mutualiteit"}},
		{"Territory/OrganisationLocatedOrServing", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Territory: "territory:buurdorp"},
			[]string{"org:entraide", "org:kc-zorg"}},
		{"Territory/OrganisationOnce", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Territory: "territory:zuidwijk"},
			[]string{"org:elan"}},
		{"Territory/Territory", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Territory: "territory:fictiestad"},
			[]string{"territory:fictiestad-kerkstraat", "territory:grenswijk", "territory:markt-oost", "territory:marktwijk",
				"territory:noord-a", "territory:noordwijk", "territory:zone-oost", "territory:zuidwijk"}},
		{"Territory/TerritorySecondParent", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Territory: "territory:zone-oost"},
			[]string{"territory:markt-oost"}},
		{"Territory/TerritoryLeaf", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Territory: "territory:noord-a"}, nil},
		{"Territory/Funder", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Territory: "territory:noordwijk"},
			[]string{"funder:gewestfonds", "funder:stadsfonds"}},
		{"Territory/FunderDeep", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Territory: "territory:fictiestad"},
			[]string{"funder:gewestfonds", "funder:stadsfonds", "funder:stichting-linde"}},
		{"Territory/FunderSecondParent", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Territory: "territory:zone-oost"},
			[]string{"funder:gewestfonds", "funder:stadsfonds"}},
		{"Territory/FunderOther", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Territory: "territory:buurdorp"},
			[]string{"funder:gewestfonds"}},
		{"Territory/Unknown", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:nowhere"}, nil},

		// Theme, target group, function.
		{"Theme/Project", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Theme: "theme:isolement"},
			[]string{"project:alfa", "project:beta", "project:theta"}},
		{"Theme/Organisation", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Theme: "theme:isolement"},
			[]string{"org:de-brug", "org:entraide", "org:kruid", "org:mutualiteit"}},
		{"Theme/Funder", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Theme: "theme:isolement"},
			[]string{"funder:gewestfonds", "funder:stadsfonds"}},
		{"TargetGroup/Project", buurtnet.NodeFilter{Kind: buurtnet.KindProject, TargetGroup: "targetgroup:ouderen"},
			[]string{"project:alfa", "project:beta", "project:eta", "project:zeta"}},
		{"TargetGroup/Organisation", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, TargetGroup: "targetgroup:mantelzorgers"},
			[]string{"org:de-brug"}},
		{"TargetGroup/Funder", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, TargetGroup: "targetgroup:mantelzorgers"},
			[]string{"funder:stadsfonds"}},
		{"Function/Project", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Function: "function:vvsg-1"},
			[]string{"project:delta", "project:gamma"}},
		{"Function/Organisation", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Function: "function:zb-4"},
			[]string{"org:kc-zorg"}},
		{"Function/Funder", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Function: "function:zb-4"},
			[]string{"funder:stichting-linde"}},
		{"Function/None", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Function: "function:vvsg-8", Theme: "theme:isolement"}, nil},

		// Funder, organisation, project.
		{"Funder/Project", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Funder: "funder:gewestfonds"},
			[]string{"project:beta", "project:eta"}},
		{"Funder/Organisation", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Funder: "funder:gewestfonds"},
			[]string{"org:entraide", "org:kc-zorg"}},
		{"Organisation/Project", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Organisation: "org:kc-zorg"},
			[]string{"project:eta", "project:zeta"}},
		{"Organisation/Funder", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Organisation: "org:kc-zorg"},
			[]string{"funder:gewestfonds", "funder:stichting-linde"}},
		{"Organisation/FunderOfSeveral", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Organisation: "org:de-brug"},
			[]string{"funder:stadsfonds"}},
		{"Project/Organisation", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Project: "project:alfa"},
			[]string{"org:de-brug", "org:kruid", "org:mutualiteit"}},
		{"Project/Funder", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Project: "project:alfa"},
			[]string{"funder:stadsfonds"}},
		{"Project/Territory", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Project: "project:alfa"},
			[]string{"territory:marktwijk", "territory:noordwijk"}},
		{"Project/Theme", buurtnet.NodeFilter{Kind: buurtnet.KindTheme, Project: "project:alfa"},
			[]string{"theme:isolement", "theme:mentaal"}},
		{"Project/TargetGroup", buurtnet.NodeFilter{Kind: buurtnet.KindTargetGroup, Project: "project:alfa"},
			[]string{"targetgroup:ouderen"}},
		{"Project/Function", buurtnet.NodeFilter{Kind: buurtnet.KindFunction, Project: "project:alfa"},
			[]string{"function:vvsg-2"}},
		{"Project/None", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Project: "project:theta"}, nil},

		// Status, activeOn.
		{"Status/Several", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot, buurtnet.StatusEnded}},
			[]string{"project:beta", "project:delta", "project:gamma", "project:theta"}},
		{"Status/One", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Status: []buurtnet.ProjectStatus{buurtnet.StatusInDevelopment}},
			[]string{"project:zeta"}},
		// A project without a period runs on every day; ends are inclusive.
		{"ActiveOn/Project", buurtnet.NodeFilter{Kind: buurtnet.KindProject, ActiveOn: date("2020-04-01")},
			[]string{"project:alfa", "project:gamma", "project:iota", "project:zeta"}},
		{"ActiveOn/ProjectOpenEnd", buurtnet.NodeFilter{Kind: buurtnet.KindProject, ActiveOn: date("2024-06-01")},
			[]string{"project:epsilon", "project:iota", "project:theta"}},
		{"ActiveOn/ProjectFirstDay", buurtnet.NodeFilter{Kind: buurtnet.KindProject, ActiveOn: date("2020-06-01")},
			[]string{"project:alfa", "project:eta", "project:gamma", "project:iota", "project:zeta"}},
		{"ActiveOn/ProjectLastDay", buurtnet.NodeFilter{Kind: buurtnet.KindProject, ActiveOn: date("2020-06-30")},
			[]string{"project:alfa", "project:eta", "project:gamma", "project:iota", "project:zeta"}},
		{"ActiveOn/ProjectDayAfter", buurtnet.NodeFilter{Kind: buurtnet.KindProject, ActiveOn: date("2020-07-01")},
			[]string{"project:alfa", "project:eta", "project:iota", "project:zeta"}},
		{"ActiveOn/Organisation", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, ActiveOn: date("2020-04-01")},
			[]string{"org:de-brug", "org:kc-zorg", "org:kruid", "org:mutualiteit"}},

		// Organisation attributes, territory kind, funder level, framework.
		{"LanguageCommunity/Bilingual", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, LanguageCommunity: buurtnet.LangCommunityBilingual},
			[]string{"org:de-brug", "org:elan", "org:mutualiteit"}},
		{"LanguageCommunity/FR", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, LanguageCommunity: buurtnet.LangCommunityFR},
			[]string{"org:entraide"}},
		{"Sector/HealthCare", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Sector: buurtnet.SectorHealthCare}, []string{"org:mutualiteit"}},
		{"Sector/First", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Sector: buurtnet.SectorWelfare}, []string{"org:de-brug"}},
		{"Sector/None", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Sector: buurtnet.SectorSport}, nil},
		{"EnterpriseNumber/Canonical", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, EnterpriseNumber: kboA}, []string{"org:de-brug"}},
		{"EnterpriseNumber/BE", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, EnterpriseNumber: "BE0123456749"}, []string{"org:de-brug"}},
		{"EnterpriseNumber/NineDigits", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, EnterpriseNumber: "200 000 043"}, []string{"org:mutualiteit"}},
		{"EnterpriseNumber/Unknown", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, EnterpriseNumber: kboC}, nil},
		{"TerritoryKind/Neighbourhood", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, TerritoryKind: buurtnet.TerritoryNeighbourhood},
			[]string{"territory:grenswijk", "territory:marktwijk", "territory:noordwijk", "territory:zuidwijk"}},
		{"TerritoryKind/WithinTerritory", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, TerritoryKind: buurtnet.TerritoryStreet, Territory: "territory:fictiestad"},
			[]string{"territory:fictiestad-kerkstraat"}},
		{"Level", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Level: buurtnet.FunderPrivate}, []string{"funder:stichting-linde"}},
		{"Framework", buurtnet.NodeFilter{Kind: buurtnet.KindFunction, Framework: buurtnet.FrameworkCaringNeighbourhoods},
			[]string{"function:zb-4", "function:zb-5"}},

		// Filters combine with AND.
		{"Combined/ThemeStatus", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Theme: "theme:isolement", Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot}},
			[]string{"project:beta", "project:theta"}},
		{"Combined/TerritoryActiveOn", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:noordwijk", ActiveOn: date("2021-06-01")},
			[]string{"project:alfa", "project:beta"}},
		{"Combined/SearchTerritory", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "fictief", Territory: "territory:fictiestad"},
			[]string{"org:mutualiteit"}},
		{"Combined/FunderTargetGroup", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Funder: "funder:gewestfonds", TargetGroup: "targetgroup:ouderen", LanguageCommunity: buurtnet.LangCommunityNL},
			[]string{"org:kc-zorg"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total := find(t, tc.filter)
			assert.ElementsMatch(t, nonNil(tc.want), got, "%+v", tc.filter)
			assert.Equal(t, len(tc.want), total, "total")
		})
	}

	t.Run("Fields", func(t *testing.T) {
		// Find returns whole entities, like Nodes.
		want := map[string]buurtnet.Node{}
		held := map[buurtnet.Kind]bool{}
		for _, n := range fixtureNormalized(t).Nodes() {
			want[n.NodeID()] = n
			held[n.NodeKind()] = true
		}
		for _, k := range buurtnet.Kinds {
			ns, _, err := s.Find(t.Context(), buurtnet.NodeFilter{Kind: k})
			require.NoError(t, err)
			// The consultation kinds are not in the fixture; their own cases
			// (Consultations) find them.
			require.Equal(t, held[k], len(ns) > 0, "entities of kind %s", k)
			for _, n := range ns {
				assert.Equal(t, want[n.NodeID()], clean(n))
				requireStampsNew(t, buurtnet.Timestamps(n))
			}
		}
	})

	// Order: by name in the language asked for (a missing translation falls
	// back as Text.In does), case and accents ignored, ties broken by id;
	// Desc reverses the whole order, ties included.
	for _, tc := range []struct {
		name   string
		filter buurtnet.NodeFilter
		want   []string
	}{
		// Contract: without OrderBy and Lang, by name in Dutch.
		{"Order/Default", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation},
			[]string{"org:kruid", "org:elan", "org:kc-zorg", "org:entraide", "org:de-brug", "org:mutualiteit"}},
		{"Order/NameNL", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, OrderBy: buurtnet.OrderByName, Lang: buurtnet.NL},
			[]string{"org:kruid", "org:elan", "org:kc-zorg", "org:entraide", "org:de-brug", "org:mutualiteit"}},
		{"Order/NameFR", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, OrderBy: buurtnet.OrderByName, Lang: buurtnet.FR},
			[]string{"org:kruid", "org:elan", "org:kc-zorg", "org:de-brug", "org:mutualiteit", "org:entraide"}},
		{"Order/NameEN", buurtnet.NodeFilter{Kind: buurtnet.KindTheme, OrderBy: buurtnet.OrderByName, Lang: buurtnet.EN},
			// "Mantelzorg", "Mentaal welzijn", "Onderbescherming" (no English: Dutch), "Social isolation"
			[]string{"theme:mantelzorg", "theme:mentaal", "theme:onderbescherming", "theme:isolement"}},
		{"Order/NameDesc", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, OrderBy: buurtnet.OrderByName, Desc: true},
			[]string{"org:mutualiteit", "org:de-brug", "org:entraide", "org:kc-zorg", "org:elan", "org:kruid"}},
		{"Order/ThemesNL", buurtnet.NodeFilter{Kind: buurtnet.KindTheme, OrderBy: buurtnet.OrderByName},
			[]string{"theme:mantelzorg", "theme:mentaal", "theme:onderbescherming", "theme:isolement"}},
		{"Order/ThemesFR", buurtnet.NodeFilter{Kind: buurtnet.KindTheme, OrderBy: buurtnet.OrderByName, Lang: buurtnet.FR},
			[]string{"theme:mentaal", "theme:isolement", "theme:onderbescherming", "theme:mantelzorg"}},
		{"Order/TiesByID", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, OrderBy: buurtnet.OrderByName},
			[]string{"territory:buurdorp", "territory:fictiestad", "territory:grenswijk", "territory:buurdorp-kerkstraat", "territory:fictiestad-kerkstraat",
				"territory:marktwijk", "territory:markt-oost", "territory:noordwijk", "territory:noord-a", "territory:zone-oost", "territory:zuidwijk"}},
		{"Order/TiesByIDDesc", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, OrderBy: buurtnet.OrderByName, Desc: true, TerritoryKind: buurtnet.TerritoryStreet},
			[]string{"territory:fictiestad-kerkstraat", "territory:buurdorp-kerkstraat"}},
		// Contract: a project without a start has run "since always": first.
		{"Order/Start", buurtnet.NodeFilter{Kind: buurtnet.KindProject, OrderBy: buurtnet.OrderByStart},
			[]string{"project:iota", "project:delta", "project:gamma", "project:alfa", "project:zeta", "project:eta", "project:beta", "project:theta", "project:epsilon"}},
		{"Order/StartDesc", buurtnet.NodeFilter{Kind: buurtnet.KindProject, OrderBy: buurtnet.OrderByStart, Desc: true},
			[]string{"project:epsilon", "project:theta", "project:beta", "project:eta", "project:zeta", "project:alfa", "project:gamma", "project:delta", "project:iota"}},
		{"Order/StartFiltered", buurtnet.NodeFilter{Kind: buurtnet.KindProject, OrderBy: buurtnet.OrderByStart, Desc: true, Territory: "territory:noordwijk"},
			[]string{"project:theta", "project:beta", "project:alfa"}},
		{"Order/ProjectsFR", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Lang: buurtnet.FR},
			// "Réseau Bêta" sorts under R, "Epsilon Deelproject" (no French) under E.
			[]string{"project:alfa", "project:delta", "project:epsilon", "project:eta", "project:gamma", "project:iota", "project:beta", "project:theta", "project:zeta"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total := find(t, tc.filter)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, len(tc.want), total)
		})
	}

	// Paging: Offset and Limit cut the ordered list; the total counts all.
	for _, tc := range []struct {
		offset, limit int
		want          []string
	}{
		{0, 3, []string{"project:alfa", "project:beta", "project:delta"}},
		{3, 3, []string{"project:epsilon", "project:eta", "project:gamma"}},
		{8, 3, []string{"project:zeta"}},
		{9, 3, nil},
		{20, 0, nil},
		{7, 0, []string{"project:theta", "project:zeta"}},
		{0, 0, []string{"project:alfa", "project:beta", "project:delta", "project:epsilon", "project:eta", "project:gamma", "project:iota", "project:theta", "project:zeta"}},
	} {
		t.Run(fmt.Sprintf("Page/%d+%d", tc.offset, tc.limit), func(t *testing.T) {
			got, total := find(t, buurtnet.NodeFilter{Kind: buurtnet.KindProject, OrderBy: buurtnet.OrderByName, Offset: tc.offset, Limit: tc.limit})
			assert.Equal(t, nonNil(tc.want), nonNil(got))
			assert.Equal(t, 9, total)
		})
	}
	t.Run("Page/Filtered", func(t *testing.T) {
		got, total := find(t, buurtnet.NodeFilter{Kind: buurtnet.KindProject, Theme: "theme:isolement", Limit: 2})
		assert.Equal(t, []string{"project:alfa", "project:beta"}, got)
		assert.Equal(t, 3, total)
		got, total = find(t, buurtnet.NodeFilter{Kind: buurtnet.KindProject, Theme: "theme:isolement", Offset: 2, Limit: 2})
		assert.Equal(t, []string{"project:theta"}, got)
		assert.Equal(t, 3, total)
	})

	// A filter field that does not apply to the kind is refused, naming it.
	for _, tc := range []struct {
		name   string
		filter buurtnet.NodeFilter
		field  string
	}{
		{"NoKind", buurtnet.NodeFilter{}, "kind"},
		{"UnknownKind", buurtnet.NodeFilter{Kind: "nobody"}, "kind"},
		{"OrganisationByStatus", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot}}, "filter.status"},
		{"TerritoryByTheme", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Theme: "theme:isolement"}, "filter.theme"},
		{"TerritoryByTargetGroup", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, TargetGroup: "targetgroup:ouderen"}, "filter.targetGroup"},
		{"ThemeByFunction", buurtnet.NodeFilter{Kind: buurtnet.KindTheme, Function: "function:vvsg-1"}, "filter.function"},
		{"FunderByFunder", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Funder: "funder:stadsfonds"}, "filter.funder"},
		{"TerritoryByOrganisation", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, Organisation: "org:kruid"}, "filter.organisation"},
		{"ProjectByProject", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Project: "project:alfa"}, "filter.project"},
		{"ThemeByTerritory", buurtnet.NodeFilter{Kind: buurtnet.KindTheme, Territory: "territory:noordwijk"}, "filter.territory"},
		{"TerritoryByActiveOn", buurtnet.NodeFilter{Kind: buurtnet.KindTerritory, ActiveOn: date("2020-01-01")}, "filter.activeOn"},
		{"ProjectByLanguageCommunity", buurtnet.NodeFilter{Kind: buurtnet.KindProject, LanguageCommunity: buurtnet.LangCommunityNL}, "filter.languageCommunity"},
		{"ProjectBySector", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Sector: buurtnet.SectorWelfare}, "filter.sector"},
		{"ProjectByEnterpriseNumber", buurtnet.NodeFilter{Kind: buurtnet.KindProject, EnterpriseNumber: kboA}, "filter.enterpriseNumber"},
		{"OrganisationByTerritoryKind", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, TerritoryKind: buurtnet.TerritoryStreet}, "filter.territoryKind"},
		{"ProjectByLevel", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Level: buurtnet.FunderPrivate}, "filter.level"},
		{"ThemeByFramework", buurtnet.NodeFilter{Kind: buurtnet.KindTheme, Framework: buurtnet.FrameworkVVSG}, "filter.framework"},
		{"OrganisationByStart", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, OrderBy: buurtnet.OrderByStart}, "filter.orderBy"},
		{"UnknownOrder", buurtnet.NodeFilter{Kind: buurtnet.KindProject, OrderBy: "POPULARITY"}, "filter.orderBy"},
		{"TerritoryIDOfOtherKind", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "project:alfa"}, "filter.territory"},
		{"InvalidEnterpriseNumber", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, EnterpriseNumber: "0123.456.789"}, "filter.enterpriseNumber"},
		{"NegativeLimit", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Limit: -1}, "first"},
		{"NegativeOffset", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Offset: -1}, "first"},
	} {
		t.Run("Err/"+tc.name, func(t *testing.T) {
			_, _, err := s.Find(t.Context(), tc.filter)
			requireErr(t, err, buurtnet.EINVALID, tc.field)
		})
	}

	t.Run("Order/CreatedAt", func(t *testing.T) {
		// Created one by one: the order of creation, whatever the names and ids.
		s := open(t)
		for _, c := range []struct{ id, name string }{{"territory:c", "Alpha"}, {"territory:a", "Charlie"}, {"territory:b", "Bravo"}} {
			mustCreate(t, s, &buurtnet.Territory{ID: c.id, Name: buurtnet.Text{NL: c.name}, Kind: buurtnet.TerritorySite})
			time.Sleep(tick)
		}
		order := func(f buurtnet.NodeFilter) []string {
			f.Kind = buurtnet.KindTerritory
			ns, _, err := s.Find(t.Context(), f)
			require.NoError(t, err)
			return ids(ns)
		}
		assert.Equal(t, []string{"territory:c", "territory:a", "territory:b"}, order(buurtnet.NodeFilter{OrderBy: buurtnet.OrderByCreatedAt}))
		assert.Equal(t, []string{"territory:b", "territory:a", "territory:c"}, order(buurtnet.NodeFilter{OrderBy: buurtnet.OrderByCreatedAt, Desc: true}))
		assert.Equal(t, []string{"territory:c", "territory:a", "territory:b"}, order(buurtnet.NodeFilter{OrderBy: buurtnet.OrderByUpdatedAt}))
		assert.Equal(t, []string{"territory:c", "territory:b", "territory:a"}, order(buurtnet.NodeFilter{OrderBy: buurtnet.OrderByName}))

		_, err := s.UpdateNode(t.Context(), "territory:c", func(n buurtnet.Node) error {
			n.(*buurtnet.Territory).Note = "bijgewerkt"
			return nil
		})
		require.NoError(t, err)
		assert.Equal(t, []string{"territory:a", "territory:b", "territory:c"}, order(buurtnet.NodeFilter{OrderBy: buurtnet.OrderByUpdatedAt}))
		assert.Equal(t, []string{"territory:c", "territory:b", "territory:a"}, order(buurtnet.NodeFilter{OrderBy: buurtnet.OrderByUpdatedAt, Desc: true}))
		assert.Equal(t, []string{"territory:c", "territory:a", "territory:b"}, order(buurtnet.NodeFilter{OrderBy: buurtnet.OrderByCreatedAt}))
	})

	t.Run("Empty", func(t *testing.T) {
		ns, total, err := open(t).Find(t.Context(), buurtnet.NodeFilter{Kind: buurtnet.KindProject})
		require.NoError(t, err)
		assert.Empty(t, ns)
		assert.Zero(t, total)
	})
}
