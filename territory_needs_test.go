package buurtnet_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

func TestApproachIsNoPillar(t *testing.T) {
	block := func(pillar string, approach bool) *buurtnet.Term {
		return &buurtnet.Term{ID: "function:zb-7", Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: "Analyse"},
			Framework: buurtnet.FrameworkCaringNeighbourhoods, Number: 7, Pillar: pillar, Approach: approach}
	}
	t.Run("OK", func(t *testing.T) {
		require.NoError(t, block("", true).Validate())
		require.NoError(t, block("C", false).Validate())
	})
	t.Run("PillarDIsTheApproach", func(t *testing.T) {
		// As earlier versions stored it and spreadsheets may still say.
		b := block("D", false)
		require.NoError(t, b.Validate())
		assert.Equal(t, "", b.Pillar)
		assert.True(t, b.Approach)
		n := &buurtnet.Term{Kind: buurtnet.KindFunction}
		require.NoError(t, json.Unmarshal([]byte(`{"id":"function:zb-8","name":{"nl":"Beleidsadvisering"},"framework":"CARING_NEIGHBOURHOODS","number":8,"pillar":"D"}`), n))
		assert.True(t, n.Approach)
		assert.Equal(t, "", n.Pillar)
	})
	for _, tc := range []struct {
		name  string
		term  *buurtnet.Term
		field string
	}{
		{"ErrBoth", block("C", true), "approach"},
		{"ErrPillarE", block("E", false), "pillar"},
		{"ErrVVSGApproach", &buurtnet.Term{ID: "function:v1", Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: "V"}, Framework: buurtnet.FrameworkVVSG, Number: 1, Approach: true}, "pillar"},
		{"ErrThemeApproach", &buurtnet.Term{ID: "theme:t", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "T"}, Approach: true}, "framework"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.term.Validate()
			require.Error(t, err)
			assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
			assert.Equal(t, tc.field, buurtnet.ErrorField(err))
		})
	}
}

func TestNewListValues(t *testing.T) {
	o := &buurtnet.Organisation{ID: "org:o", Name: buurtnet.Text{NL: "O"}, Sectors: []buurtnet.Sector{buurtnet.SectorYouth, buurtnet.SectorSpatialPlanning},
		Line: buurtnet.LineFirst, Care: buurtnet.CareInformal}
	require.NoError(t, o.Validate())
	for _, tc := range []struct {
		node  buurtnet.Node
		field string
	}{
		{&buurtnet.Organisation{ID: "org:o", Name: buurtnet.Text{NL: "O"}, Line: "THIRD_LINE"}, "line"},
		{&buurtnet.Organisation{ID: "org:o", Name: buurtnet.Text{NL: "O"}, Care: "SOMETIMES"}, "care"},
		{&buurtnet.Project{ID: "project:p", Name: buurtnet.Text{NL: "P"}, LanguageCommunity: "DE"}, "languageCommunity"},
	} {
		err := tc.node.Validate()
		require.Error(t, err)
		assert.Equal(t, tc.field, buurtnet.ErrorField(err))
	}
	require.NoError(t, (&buurtnet.Funder{ID: "funder:vgc", Name: buurtnet.Text{NL: "VGC"}, Level: buurtnet.FunderCommunityCommission}).Validate())
	require.NoError(t, (&buurtnet.Territory{ID: "territory:bruzel", Name: buurtnet.Text{NL: "BRUZEL"}, Kind: buurtnet.TerritoryPrimaryCareZone}).Validate())
	require.NoError(t, (&buurtnet.Project{ID: "project:p", Name: buurtnet.Text{NL: "P"}, LanguageCommunity: buurtnet.LangCommunityBilingual}).Validate())
}

func TestSourcedLinks(t *testing.T) {
	for _, kind := range []buurtnet.LinkKind{buurtnet.LinkPrioritises, buurtnet.LinkPrioritisesGroup, buurtnet.LinkCorrespondsTo} {
		from, to := kind.Endpoints()
		l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: kind, From: string(from) + ":a", To: string(to) + ":b"}, Source: "  "}
		err := l.Validate()
		require.Error(t, err, kind)
		assert.Equal(t, "source", buurtnet.ErrorField(err), kind)
		l.Source = "Buurtanalyse 2021"
		assert.NoError(t, l.Validate(), kind)
	}
	// Priorities have a period, the crosswalk none.
	start, err := buurtnet.ParseDate("2020-01-01")
	require.NoError(t, err)
	l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkCorrespondsTo, From: "function:a", To: "function:b"}, Source: "x",
		Period: buurtnet.Period{Start: start}}
	assert.Equal(t, "period", buurtnet.ErrorField(l.Validate()))
}

func TestGroupBySector(t *testing.T) {
	orgs := []*buurtnet.Organisation{
		{ID: "org:c", Sectors: []buurtnet.Sector{buurtnet.SectorYouth, buurtnet.SectorWelfare}},
		{ID: "org:a", Sectors: []buurtnet.Sector{buurtnet.SectorWelfare}},
		{ID: "org:b"},
		{ID: "org:d", Sectors: []buurtnet.Sector{buurtnet.SectorWelfare}},
	}
	r := buurtnet.GroupBySector(orgs, 2)
	assert.Equal(t, 4, r.Total)
	assert.Equal(t, []buurtnet.SectorOrganisations{
		{Sector: buurtnet.SectorWelfare, Organisations: []string{"org:a", "org:c"}}, // cut at 2
		{Sector: buurtnet.SectorYouth, Organisations: []string{"org:c"}},
	}, r.Sectors)
	assert.Equal(t, []string{"org:b"}, r.WithoutSector)
}

// TestRankSynergiesFollowTheCrosswalk: with the crosswalk of the demo
// network, the ranking's fast scores agree with ScoreSynergy's reasons, and
// a complementary pair the crosswalk makes one counts once.
func TestRankSynergiesFollowTheCrosswalk(t *testing.T) {
	pairs := [][2]int{{2, 4}, {3, 5}, {8, 8}, {1, 7}, {4, 6}, {7, 2}, {5, 1}, {6, 3}} // VVSG n ↔ building block m
	var links []*buurtnet.Link
	for _, p := range pairs {
		links = append(links, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkCorrespondsTo,
			From: fmt.Sprintf("function:%s-%d", buurtnet.FrameworkVVSG, p[0]),
			To:   fmt.Sprintf("function:%s-%d", buurtnet.FrameworkCaringNeighbourhoods, p[1])}})
	}
	seeds := 10
	if testing.Short() {
		seeds = 3
	}
	for seed := range uint64(seeds) {
		n := generate(genSmall, seed)
		var terms []*buurtnet.Term
		for _, f := range n.Functions {
			terms = append(terms, f)
		}
		functions := map[string]*buurtnet.Term{}
		for _, f := range buurtnet.WithCrosswalk(terms, links) {
			functions[f.ID] = f
		}
		got, err := buurtnet.RankSynergies(t.Context(), n.Graph, n.Profiles, functions, buurtnet.Date{}, nil, 20)
		require.NoError(t, err)
		want := refRankSynergies(n.Graph, n.Profiles, functions, buurtnet.Date{}, nil, 20)
		require.Equal(t, describe(want), describe(got), "seed %d", seed)
		for _, s := range got {
			counted := map[string]int{}
			for _, r := range s.Reasons {
				if r.Code == buurtnet.ReasonComplementaryFunctions {
					counted[r.Subjects[0]+" "+r.Subjects[1]]++
				}
			}
			for pair, c := range counted {
				assert.Equal(t, 1, c, "seed %d: %s counted %d times", seed, pair, c)
			}
		}
	}

	// Detection under VVSG's name, referral under the building block's.
	detects := &buurtnet.ProjectProfile{Project: &buurtnet.Project{ID: "project:a"}, Functions: []string{"function:VVSG_FUNCTIONS-2"}}
	refers := &buurtnet.ProjectProfile{Project: &buurtnet.Project{ID: "project:b"}, Functions: []string{"function:CARING_NEIGHBOURHOODS-5"}}
	terms := []*buurtnet.Term{
		{ID: "function:VVSG_FUNCTIONS-2", Kind: buurtnet.KindFunction, Framework: buurtnet.FrameworkVVSG, Number: 2},
		{ID: "function:VVSG_FUNCTIONS-3", Kind: buurtnet.KindFunction, Framework: buurtnet.FrameworkVVSG, Number: 3},
		{ID: "function:CARING_NEIGHBOURHOODS-4", Kind: buurtnet.KindFunction, Framework: buurtnet.FrameworkCaringNeighbourhoods, Number: 4},
		{ID: "function:CARING_NEIGHBOURHOODS-5", Kind: buurtnet.KindFunction, Framework: buurtnet.FrameworkCaringNeighbourhoods, Number: 5},
	}
	score := func(links []*buurtnet.Link) []buurtnet.Reason {
		functions := map[string]*buurtnet.Term{}
		for _, f := range buurtnet.WithCrosswalk(terms, links) {
			functions[f.ID] = f
		}
		var out []buurtnet.Reason
		for _, r := range buurtnet.ScoreSynergy(detects, refers, &buurtnet.Overlap{}, functions).Reasons {
			if r.Code == buurtnet.ReasonComplementaryFunctions {
				out = append(out, r)
			}
		}
		return out
	}
	assert.Empty(t, score(nil), "without the crosswalk the two lists do not meet")
	got := score(links)
	require.Len(t, got, 1)
	assert.Equal(t, []string{"function:VVSG_FUNCTIONS-2", "function:CARING_NEIGHBOURHOODS-5"}, got[0].Subjects)
}
