package buurtnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

func link(kind buurtnet.LinkKind, from, to string) *buurtnet.Link {
	return &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: kind, From: from, To: to}, Coverage: buurtnet.CoverageWhole}
}

func TestScoreSynergy(t *testing.T) {
	g := brussels()
	functions := map[string]*buurtnet.Term{
		"function:detect": {ID: "function:detect", Kind: buurtnet.KindFunction, Framework: buurtnet.FrameworkVVSG, Number: 2},
		"function:refer":  {ID: "function:refer", Kind: buurtnet.KindFunction, Framework: buurtnet.FrameworkVVSG, Number: 3},
	}
	projects := buurtnet.BuildProfiles(
		[]*buurtnet.Project{{ID: "project:a"}, {ID: "project:b"}, {ID: "project:c"}},
		[]*buurtnet.Link{
			link(buurtnet.LinkActiveIn, "project:a", "brabant"),
			link(buurtnet.LinkActiveIn, "project:b", "brabant"),
			link(buurtnet.LinkActiveIn, "project:c", "zone-2"),
			link(buurtnet.LinkTargets, "project:a", "targetgroup:older"),
			link(buurtnet.LinkTargets, "project:b", "targetgroup:older"),
			link(buurtnet.LinkWorksOn, "project:a", "function:detect"),
			link(buurtnet.LinkWorksOn, "project:b", "function:refer"),
			link(buurtnet.LinkFunds, "funder:x", "project:a"),
			link(buurtnet.LinkFunds, "funder:y", "project:b"),
		})
	ranked, err := buurtnet.RankSynergies(t.Context(), g, projects, functions, buurtnet.Date{}, nil, 0)
	require.NoError(t, err)
	require.Len(t, ranked, 1, "project:c works elsewhere")
	s := ranked[0]
	codes := map[buurtnet.ReasonCode]int{}
	for _, r := range s.Reasons {
		codes[r.Code] = r.Points
	}
	assert.Equal(t, map[buurtnet.ReasonCode]int{
		buurtnet.ReasonSamePlace:                      2,
		buurtnet.ReasonSameTargetGroupNoSharedPartner: 3,
		buurtnet.ReasonComplementaryFunctions:         2,
		buurtnet.ReasonDifferentFunders:               2,
	}, codes)
	assert.Equal(t, 9, s.Score)

	names := map[string]buurtnet.Text{"targetgroup:older": {NL: "ouderen", FR: "personnes âgées"}}
	for _, r := range s.Reasons {
		if r.Code == buurtnet.ReasonSameTargetGroupNoSharedPartner {
			assert.Contains(t, r.Sentence(buurtnet.NL, names), "ouderen")
			assert.Contains(t, r.Sentence(buurtnet.FR, names), "personnes âgées")
		}
	}
}
