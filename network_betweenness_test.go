package buurtnet

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph/network"
)

// path returns the path 0–1–…–(n-1).
func pathGraph(n int) *idGraph {
	g := newIDGraph(n)
	for i := range int32(n - 1) {
		g.add(i, i+1, 1)
	}
	g.finish()
	return g
}

// On the path a–b–c–d–e the exact betweenness is b 3, c 4, d 3 (b lies
// between a and each of c, d, e). With a budget of 10 units the path (5
// nodes, 4 links: 20 units exact) is counted from 2 pivots, which the seed
// makes a and d. From a, b carries the paths to c, d and e (dependency 3),
// c those to d and e (2), d the one to e (1); from d, c carries the paths
// to b and a (2) and b the one to a (1). Summed (b 4, c 4, d 1), scaled by
// n/k = 5/2 and halved (the full count reaches each pair from both ends):
// b 5, c 5, d 1.25.
func TestBetweennessEstimateByHand(t *testing.T) {
	g := pathGraph(5)
	exact, err := betweenness(t.Context(), g, g.components(), brokerBudget)
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 3, 4, 3, 0}, exact.score)
	assert.Zero(t, exact.pivots, "exact")

	assert.Equal(t, []int32{0, 3}, pivotsOf([]int32{0, 1, 2, 3, 4}, 2))
	est, err := betweenness(t.Context(), g, g.components(), budget{work: 10, minPivots: 2})
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 5, 5, 1.25, 0}, est.score)
	assert.Equal(t, 2, est.pivots)
}

// The pivots are a function of the component alone: the same every time,
// distinct, and spread over it.
func TestPivotsAreSeeded(t *testing.T) {
	c := make([]int32, 1000)
	for i := range c {
		c[i] = int32(3 * i)
	}
	p := pivotsOf(c, 100)
	assert.Equal(t, p, pivotsOf(c, 100))
	seen := map[int32]bool{}
	for i, v := range p {
		assert.Zero(t, v%3, "a node of the component")
		assert.False(t, seen[v], "distinct")
		seen[v] = true
		if i > 0 {
			assert.Less(t, p[i-1], v, "sorted")
		}
	}
	assert.Less(t, p[0], int32(300), "spread: not the last nodes only")
	assert.Greater(t, p[99], int32(2700), "spread: not the first nodes only")
}

// Counted from every node, betweenness is gonum's (a second implementation
// of Brandes), halved: gonum counts each pair from both ends. Random graphs
// of several components, some nodes alone.
func TestBetweennessAgreesWithGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for round := range 20 {
		n := 5 + r.IntN(60)
		g := newIDGraph(n)
		seen := map[[2]int32]bool{}
		for range r.IntN(3 * n) {
			x, y := int32(r.IntN(n)), int32(r.IntN(n))
			if x > y {
				x, y = y, x
			}
			if x == y || seen[[2]int32{x, y}] {
				continue
			}
			seen[[2]int32{x, y}] = true
			g.add(x, y, 1)
		}
		g.finish()
		got, err := betweenness(t.Context(), g, g.components(), budget{work: 1 << 40})
		require.NoError(t, err)
		want := network.Betweenness(g)
		for v := range n {
			assert.InDelta(t, want[int64(v)]/2, got.score[v], 1e-9, fmt.Sprintf("round %d node %d", round, v))
		}
	}
}

// The count is the same to the last bit on one core as on several: blocks
// of sources are summed in their order, whoever counted them.
func TestBetweennessSameOnAnyNumberOfCores(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	g := plantedGraph(r, 4, 60, 0.2, 0.01)
	count := func(procs int) centrality {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		c, err := betweenness(t.Context(), g, g.components(), budget{work: 200_000, minPivots: 10})
		require.NoError(t, err)
		return c
	}
	one := count(1)
	require.Positive(t, one.pivots, "estimated, from several blocks of pivots")
	require.Greater(t, one.pivots, pivotBlock)
	assert.Equal(t, one, count(4))
}
