package server_test

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
)

// A network question costs its base, its items and one point per ten
// participations in its scope: the same question on a day nothing ran
// costs the base only.
func TestNetworkQuestionsCostByTheirScope(t *testing.T) {
	s := newDemoServer(t)
	// With a limit of 1 every operation is refused, and the refusal says
	// what it would have cost.
	tiny := s.withConfig(t, server.Config{Limits: server.Limits{MaxComplexity: 1}})
	cost := func(query string) int {
		t.Helper()
		errs := tiny.do(t, query, nil, nil)
		require.NotEmpty(t, errs)
		require.Equal(t, "COMPLEXITY_LIMIT_EXCEEDED", errs[0].Extensions["code"])
		m := regexp.MustCompile(`complexity (\d+)`).FindStringSubmatch(errs[0].Message)
		require.NotNil(t, m, errs[0].Message)
		n, err := strconv.Atoi(m[1])
		require.NoError(t, err)
		return n
	}
	a := &buurtnet.Analyst{Store: s.store}
	size, err := a.NetworkSize(t.Context(), buurtnet.NetworkScope{Territory: "territory:brussels-region"})
	require.NoError(t, err)
	require.GreaterOrEqual(t, size.Participations, 20, "enough participations to weigh")

	const base = 3000 + 1 + 1 // brokers, then a list of one item of one field
	assert.Equal(t, base+size.Participations/10, cost(`{ brokers(territory: "territory:brussels-region", first: 1) { betweenness } }`))
	assert.Equal(t, base, cost(`{ brokers(territory: "territory:brussels-region", on: "1990-01-01", first: 1) { betweenness } }`), "nothing ran in 1990")
	assert.Equal(t, base+size.Participations/10, cost(`query($p: PeriodInput) { brokers(territory: "territory:brussels-region", period: $p, first: 1) { betweenness } }`),
		"a period left null does not narrow the scope")
	assert.Equal(t, base+size.Participations/10, cost(`{ brokers(territory: "territory:brussels-region", period: {start: "2019-01-01"}, first: 1) { betweenness } }`))
	assert.Equal(t, base, cost(`{ brokers(territory: "territory:nowhere", first: 1) { betweenness } }`), "the question reports the unknown territory")
}

// The demo network is small enough to count betweenness exactly; the
// answer says so.
func TestBrokersSayWhetherEstimated(t *testing.T) {
	s := newDemoServer(t)
	var got struct {
		Brokers []struct {
			Estimated                                         bool
			BetweennessPivots, BetweennessNodes               int
			PartnerBetweennessPivots, PartnerBetweennessNodes int
		}
	}
	s.mustDo(t, `{ brokers(territory: "territory:brussels-region", first: 1) { estimated betweennessPivots betweennessNodes
		partnerBetweennessPivots partnerBetweennessNodes } }`, nil, &got)
	require.Len(t, got.Brokers, 1)
	b := got.Brokers[0]
	assert.False(t, b.Estimated)
	assert.Zero(t, b.BetweennessPivots)
	assert.Zero(t, b.PartnerBetweennessPivots)
	assert.Greater(t, b.BetweennessNodes, b.PartnerBetweennessNodes, "organisations and projects, organisations only")
}
