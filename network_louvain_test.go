package buurtnet

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
)

// plantedGraph has groups of size nodes, linked inside with probability
// pIn and across with pOut, weights 1 to 3.
func plantedGraph(r *rand.Rand, groups, size int, pIn, pOut float64) *idGraph {
	n := groups * size
	g := newIDGraph(n)
	for x := range int32(n) {
		for y := x + 1; y < int32(n); y++ {
			p := pOut
			if int(x)/size == int(y)/size {
				p = pIn
			}
			if r.Float64() < p {
				g.add(x, y, float64(1+r.IntN(3)))
			}
		}
	}
	g.finish()
	return g
}

func communitiesOf(g *idGraph, com []int32) [][]graph.Node {
	var out [][]graph.Node
	for v, c := range com {
		for int(c) >= len(out) {
			out = append(out, nil)
		}
		out[c] = append(out[c], g.Node(int64(v)))
	}
	return out
}

// Our Louvain against gonum's (a second implementation of the same
// method): the modularity we report is gonum's community.Q of our
// division, and it is as high as gonum's own division's and the planted
// groups'.
func TestLouvainAgreesWithGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for round := range 8 {
		groups, size := 2+r.IntN(5), 10+r.IntN(15)
		g := plantedGraph(r, groups, size, 0.6, 0.03)
		com, q, err := louvain(t.Context(), g, 1)
		require.NoError(t, err)
		assert.InDelta(t, community.Q(g, communitiesOf(g, com), 1), q, 1e-9, "round %d: Q of our division", round)
		theirs := community.Modularize(g, 1, rand.NewPCG(1, 1))
		assert.GreaterOrEqual(t, q, community.Q(g, theirs.Communities(), 1)-0.02, "round %d: as good as gonum's", round)
		planted := make([]int32, g.order())
		for v := range planted {
			planted[v] = int32(v / size)
		}
		assert.GreaterOrEqual(t, q, community.Q(g, communitiesOf(g, planted), 1)-1e-9, "round %d: as good as the planted groups", round)
		again, _, err := louvain(t.Context(), g, 1)
		require.NoError(t, err)
		assert.Equal(t, com, again, "deterministic")
	}
}

// Without links every node is its own community, of modularity 0.
func TestLouvainWithoutLinks(t *testing.T) {
	g := newIDGraph(3)
	g.finish()
	com, q, err := louvain(t.Context(), g, 1)
	require.NoError(t, err)
	assert.Equal(t, []int32{0, 1, 2}, com)
	assert.Zero(t, q)
}
