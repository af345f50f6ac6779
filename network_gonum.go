package buurtnet

import (
	"context"
	"sort"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// idGraph is an undirected weighted graph on nodes 0…n-1 for the gonum
// algorithms. Unlike gonum's map-backed graphs it hands out neighbours in
// id order, so that every algorithm visits them in the same order on every
// run: ties are then broken the same way each time, and the answers of two
// stores cannot differ by a map's iteration order.
type idGraph struct {
	nodes   []graph.Node
	adj     [][]graph.Node
	weights [][]float64
	count   int
}

var _ graph.WeightedUndirected = (*idGraph)(nil)

func newIDGraph(n int) *idGraph {
	g := &idGraph{nodes: make([]graph.Node, n), adj: make([][]graph.Node, n), weights: make([][]float64, n)}
	for i := range g.nodes {
		g.nodes[i] = simple.Node(i)
	}
	return g
}

// add links x and y; finish must be called once all links are added.
func (g *idGraph) add(x, y int64, w float64) {
	g.adj[x] = append(g.adj[x], simple.Node(y))
	g.weights[x] = append(g.weights[x], w)
	g.adj[y] = append(g.adj[y], simple.Node(x))
	g.weights[y] = append(g.weights[y], w)
	g.count++
}

func (g *idGraph) finish() {
	for i := range g.adj {
		a, w := g.adj[i], g.weights[i]
		sort.Sort(byNeighbour{a, w})
	}
}

type byNeighbour struct {
	n []graph.Node
	w []float64
}

func (b byNeighbour) Len() int           { return len(b.n) }
func (b byNeighbour) Less(i, j int) bool { return b.n[i].ID() < b.n[j].ID() }
func (b byNeighbour) Swap(i, j int) {
	b.n[i], b.n[j] = b.n[j], b.n[i]
	b.w[i], b.w[j] = b.w[j], b.w[i]
}

func (g *idGraph) has(id int64) bool { return id >= 0 && id < int64(len(g.nodes)) }

// find returns the position of y among x's neighbours, or -1.
func (g *idGraph) find(x, y int64) int {
	if !g.has(x) || !g.has(y) {
		return -1
	}
	a := g.adj[x]
	i := sort.Search(len(a), func(i int) bool { return a[i].ID() >= y })
	if i < len(a) && a[i].ID() == y {
		return i
	}
	return -1
}

func (g *idGraph) Node(id int64) graph.Node {
	if !g.has(id) {
		return nil
	}
	return g.nodes[id]
}

func (g *idGraph) Nodes() graph.Nodes { return &nodeIter{nodes: g.nodes, at: -1} }

func (g *idGraph) From(id int64) graph.Nodes {
	if !g.has(id) || len(g.adj[id]) == 0 {
		return graph.Empty
	}
	return &nodeIter{nodes: g.adj[id], at: -1}
}

// nodeIter walks a slice of the graph's own nodes. It deliberately has no
// NodeSlice method: gonum's iterator.OrderedNodes hands out its slice, which
// gonum's Yen then reorders in place — that would scramble the graph.
type nodeIter struct {
	nodes []graph.Node
	at    int
}

func (it *nodeIter) Next() bool {
	if it.at+1 >= len(it.nodes) {
		it.at = len(it.nodes)
		return false
	}
	it.at++
	return true
}

func (it *nodeIter) Node() graph.Node {
	if it.at < 0 || it.at >= len(it.nodes) {
		return nil
	}
	return it.nodes[it.at]
}

func (it *nodeIter) Len() int { return max(len(it.nodes)-it.at-1, 0) }

func (it *nodeIter) Reset() { it.at = -1 }

func (g *idGraph) HasEdgeBetween(x, y int64) bool { return g.find(x, y) >= 0 }

func (g *idGraph) Edge(u, v int64) graph.Edge { return g.WeightedEdge(u, v) }

func (g *idGraph) EdgeBetween(x, y int64) graph.Edge { return g.WeightedEdge(x, y) }

func (g *idGraph) WeightedEdgeBetween(x, y int64) graph.WeightedEdge { return g.WeightedEdge(x, y) }

func (g *idGraph) WeightedEdge(u, v int64) graph.WeightedEdge {
	i := g.find(u, v)
	if i < 0 {
		return nil
	}
	return simple.WeightedEdge{F: g.nodes[u], T: g.nodes[v], W: g.weights[u][i]}
}

func (g *idGraph) Weight(x, y int64) (float64, bool) {
	if x == y && g.has(x) {
		return 0, true
	}
	if i := g.find(x, y); i >= 0 {
		return g.weights[x][i], true
	}
	return 0, false
}

// links counts the links added so far.
func (g *idGraph) links() int { return g.count }

// degree is the number of neighbours of node id.
func (g *idGraph) degree(id int64) int { return len(g.adj[id]) }

// brandesWork is what Brandes' algorithm costs on g, node count times link
// count summed over the connected components (it never leaves one), and the
// components themselves in order of their smallest node.
func brandesWork(g *idGraph) (int, [][]graph.Node) {
	comps := topo.ConnectedComponents(g)
	for _, c := range comps {
		sort.Slice(c, func(i, j int) bool { return c[i].ID() < c[j].ID() })
	}
	sort.Slice(comps, func(i, j int) bool { return comps[i][0].ID() < comps[j][0].ID() })
	work := 0
	for _, c := range comps {
		links := 0
		for _, v := range c {
			links += g.degree(v.ID())
		}
		work += len(c) * links / 2
	}
	return work, comps
}

// betweenness runs gonum's Brandes betweenness on each connected component
// of g on its own, so that the request deadline is checked between them,
// and returns it per node of g (pairs counted once, not once per direction).
func betweenness(ctx context.Context, g *idGraph, comps [][]graph.Node) (map[int64]float64, error) {
	out := map[int64]float64{}
	for _, c := range comps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(c) < 3 {
			continue // no node lies between two others
		}
		sub, local := newIDGraph(len(c)), make(map[int64]int64, len(c))
		for i, v := range c {
			local[v.ID()] = int64(i)
		}
		for i, v := range c {
			for k, w := range g.adj[v.ID()] {
				if j := local[w.ID()]; j > int64(i) {
					sub.add(int64(i), j, g.weights[v.ID()][k])
				}
			}
		}
		sub.finish()
		for id, b := range network.Betweenness(sub) {
			// gonum counts every pair twice on an undirected graph: s→t and t→s.
			out[c[id].ID()] = b / 2
		}
	}
	return out, nil
}
