package briefing_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

// The briefing's gaps answer for the territory's priorities first and name
// the projects partly present instead of leaving them out.
func TestBriefingGapsPrioritiesAndPartlyPresent(t *testing.T) {
	db := demoStore(t)
	b, err := briefing.Build(context.Background(), db, briefing.Scope{Territory: "brabantwijk", Lang: buurtnet.NL, Today: today})
	require.NoError(t, err)
	require.Len(t, b.Gaps.Priorities, 1)
	p := b.Gaps.Priorities[0]
	assert.Equal(t, "targetgroup:ouderen", p.ID)
	assert.True(t, p.TargetGroup)
	assert.False(t, p.Missing)
	assert.Equal(t, []briefing.Ref{{ID: "project:citisen", Name: "CitiSen"}}, p.Projects)

	b, err = briefing.Build(context.Background(), db, briefing.Scope{Territory: "stalingradwijk", Lang: buurtnet.NL, Today: today})
	require.NoError(t, err)
	var partly []string
	for _, r := range b.Gaps.PartlyPresent {
		partly = append(partly, r.ID)
	}
	assert.Contains(t, partly, "project:boost")
	assert.Contains(t, partly, "project:zoom-seniors")
	var toeleiding []string
	for _, c := range b.Gaps.PartlyCoveredFunctions {
		if c.ID == "function:zb-5-toeleiding" {
			for _, r := range c.Projects {
				toeleiding = append(toeleiding, r.ID)
			}
		}
	}
	assert.Equal(t, []string{"project:boost"}, toeleiding)
}
