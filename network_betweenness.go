package buurtnet

import (
	"cmp"
	"context"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Betweenness, exact or estimated from pivots.
//
// gonum (v0.17) offers Brandes' exact algorithm only, keeps its state in
// maps and cannot be interrupted; no well-kept Go module offers a sampled
// variant. So this is Brandes' algorithm (Brandes, A faster algorithm for
// betweenness centrality, J. Math. Sociology 25, 2001) on the graph's flat
// arrays, run from every node of a connected component when the component
// is small enough, and otherwise from a sample of pivots whose dependencies
// are scaled up by n/k (Brandes & Pich, Centrality estimation in large
// networks, Int. J. Bifurcation and Chaos 17, 2007; Bader, Kintali,
// Madduri & Mihail, Approximating betweenness centrality, WAW 2007): an
// unbiased estimate whose top ranks settle long before the values do.
// Tests hold it against gonum's network.Betweenness.

const (
	// BrandesWork bounds betweenness on one connected component, in
	// searches times links: a component of n nodes and m links is counted
	// exactly (n searches, work n·m) when n·m is at most this, and from
	// BrandesWork/m pivots otherwise. About 1.8 s of CPU per graph on the
	// regional tier on a loaded machine; see README "Network analysis".
	BrandesWork = 60_000_000
	// minPivots is the fewest pivots an estimate counts from. The size
	// limits keep it from biting in answers (the largest graphs allowed,
	// MaxProjectionLinks, get 60); it matters to tests' small budgets.
	minPivots = 50
	// pivotSeed fixes the pivots, so that the same network always gets
	// the same estimate.
	pivotSeed = 1
)

// centrality is betweenness per node of a graph, every unordered pair of
// other nodes counted once.
type centrality struct {
	score []float64
	// pivots is how many sources the estimate counted from; 0 when exact.
	pivots int
}

// budget bounds the work of betweenness on one component (BrandesWork in
// answers; tests take smaller ones to see the estimate on small graphs).
type budget struct{ work, minPivots int }

var brokerBudget = budget{work: BrandesWork, minPivots: minPivots}

// plan says from which sources betweenness is counted on a component of n
// nodes and m links: all of them (k = n), or k pivots.
func (b budget) plan(n, m int) (k int) {
	if n*m <= b.work || m == 0 {
		return n
	}
	return min(n, max(b.minPivots, b.work/m))
}

func componentLinks(g *idGraph, c []int32) int {
	m := 0
	for _, v := range c {
		m += g.degree(v)
	}
	return m / 2
}

// pivotsOf returns k nodes of c (sorted by id) chosen in a seeded order.
func pivotsOf(c []int32, k int) []int32 {
	r := rand.New(rand.NewPCG(pivotSeed, uint64(len(c))))
	out := make([]int32, k)
	for i, j := range r.Perm(len(c))[:k] {
		out[i] = c[j]
	}
	slices.Sort(out)
	return out
}

// betweenness counts betweenness on each connected component of g (comps,
// from components), exactly or from pivots as plan says. It stops with the
// context's error at the request deadline.
func betweenness(ctx context.Context, g *idGraph, comps [][]int32, within budget) (centrality, error) {
	out := centrality{score: make([]float64, g.order())}
	cnt := &counter{g: g}
	for _, c := range comps {
		if len(c) < 3 {
			continue // no node lies between two others
		}
		sources, scale := c, 0.5 // each pair is counted from both ends
		if k := within.plan(len(c), componentLinks(g, c)); k < len(c) {
			sources, scale = pivotsOf(c, k), 0.5*float64(len(c))/float64(k)
			out.pivots += k
		}
		if err := cnt.count(ctx, c, sources, scale, out.score); err != nil {
			return centrality{}, err
		}
	}
	return out, nil
}

// pivotBlock is how many sources one goroutine counts at a time.
const pivotBlock = 32

// counter counts dependencies from sources on every core. Sources are
// taken in blocks of pivotBlock; each block sums into an array of its own
// (one entry per node of the component) and the blocks are added in their
// order, so the sums — and the answers — do not depend on which goroutine
// counted which block, nor on how many cores there are. A component of one
// block is counted on the spot.
type counter struct {
	g       *idGraph
	workers []*brandes // per goroutine, kept from component to component
	// local numbers the nodes of the component at hand from 0.
	local []int32
}

func (c *counter) worker(i int) *brandes {
	for len(c.workers) <= i {
		c.workers = append(c.workers, newBrandes(c.g.order()))
	}
	return c.workers[i]
}

// count adds scale times the dependencies of every source, nodes of comp,
// to score.
func (c *counter) count(ctx context.Context, comp, sources []int32, scale float64, score []float64) error {
	blocks := (len(sources) + pivotBlock - 1) / pivotBlock
	if blocks == 1 {
		return c.countBlock(ctx, c.worker(0), sources, scale, score, nil)
	}
	if c.local == nil {
		c.local = make([]int32, c.g.order())
	}
	for i, v := range comp {
		c.local[v] = int32(i)
	}
	partial := make([][]float64, blocks)
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for w := range min(runtime.GOMAXPROCS(0), blocks) {
		b := c.worker(w)
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= blocks {
					return
				}
				part := make([]float64, len(comp))
				if err := c.countBlock(ctx, b, sources[i*pivotBlock:min(len(sources), (i+1)*pivotBlock)], scale, part, c.local); err != nil {
					mu.Lock()
					firstErr = cmp.Or(firstErr, err)
					mu.Unlock()
					return
				}
				partial[i] = part
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	for _, part := range partial {
		for i, x := range part {
			score[comp[i]] += x
		}
	}
	return nil
}

// countBlock adds scale times the dependencies of sources to score, at
// index[v] for node v when index is given.
func (c *counter) countBlock(ctx context.Context, b *brandes, sources []int32, scale float64, score []float64, index []int32) error {
	for _, s := range sources {
		// One source walks its whole component: thousands of links
		// between two looks at the context at most.
		if err := ctx.Err(); err != nil {
			return timeout(err)
		}
		b.from(c.g, s, score, scale, index)
	}
	return nil
}

// brandes holds the per-source state, reused from source to source. The
// state of a node is kept together: the searches jump from node to node,
// and one cache line then serves all three.
type brandes struct {
	node  []brandesNode
	order []int32
	// dag are the links on shortest paths from the source, (v, w) with w
	// one step farther, in the order the search found them.
	dag [][2]int32
}

type brandesNode struct {
	dist         int32 // from the source; -1 before it is reached
	sigma, delta float64
}

func newBrandes(n int) *brandes {
	b := &brandes{node: make([]brandesNode, n), order: make([]int32, 0, n)}
	for i := range b.node {
		b.node[i].dist = -1
	}
	return b
}

// from adds scale times the dependencies of source s to score (at index[v]
// for node v when index is given): a breadth-first search counting
// shortest paths (sigma), then their dependencies back from the farthest
// node (Brandes 2001, algorithm 1, in its successor form: δ(v) = Σ
// σ(v)/σ(w)·(1+δ(w)) over the links v→w on shortest paths). The search
// finds those links head by head in search order, so walking them
// backwards completes every δ(w) before it is used, and the way back
// touches only them, not every link again.
func (b *brandes) from(g *idGraph, s int32, score []float64, scale float64, index []int32) {
	node := b.node
	order, dag := append(b.order[:0], s), b.dag[:0]
	node[s] = brandesNode{dist: 0, sigma: 1}
	for head := 0; head < len(order); head++ {
		v := order[head]
		next, sigma := node[v].dist+1, node[v].sigma
		for _, w := range g.neighbours(v) {
			x := &node[w]
			switch x.dist {
			case -1:
				x.dist = next
				order = append(order, w)
				fallthrough
			case next:
				x.sigma += sigma
				dag = append(dag, [2]int32{v, w})
			}
		}
	}
	for i := len(dag) - 1; i >= 0; i-- {
		v, w := &node[dag[i][0]], &node[dag[i][1]]
		v.delta += v.sigma / w.sigma * (1 + w.delta)
	}
	for _, w := range order[1:] {
		if index != nil {
			score[index[w]] += scale * node[w].delta
		} else {
			score[w] += scale * node[w].delta
		}
	}
	for _, v := range order {
		node[v] = brandesNode{dist: -1}
	}
	b.order, b.dag = order, dag
}
