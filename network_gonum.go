package buurtnet

import (
	"slices"
	"sort"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// idGraph is an undirected weighted graph on nodes 0…n-1 for the gonum
// algorithms and for our betweenness. Unlike gonum's map-backed graphs it
// hands out neighbours in id order, so that every algorithm visits them in
// the same order on every run: ties are then broken the same way each time,
// and the answers of two stores cannot differ by a map's iteration order.
// The neighbours are kept in one flat array (compressed sparse rows): a
// region's organisation graph has half a million links, and a slice (and
// boxed gonum node) per link cost more than the algorithms that walk them.
type idGraph struct {
	// nodes are boxed once, so that handing them to gonum allocates nothing.
	nodes []graph.Node
	// off[v]…off[v+1] is v's range in to and w, sorted by neighbour.
	off []int32
	to  []int32
	w   []float64
	// pending links, until finish.
	xs, ys []int32
	ws     []float64
}

var _ graph.WeightedUndirected = (*idGraph)(nil)

func newIDGraph(n int) *idGraph {
	g := &idGraph{nodes: make([]graph.Node, n)}
	for i := range g.nodes {
		g.nodes[i] = simple.Node(i)
	}
	return g
}

// add links x and y; finish must be called once all links are added.
func (g *idGraph) add(x, y int32, w float64) {
	g.xs, g.ys, g.ws = append(g.xs, x), append(g.ys, y), append(g.ws, w)
}

// finish lays the links out by node, each node's neighbours sorted.
func (g *idGraph) finish() {
	n := len(g.nodes)
	g.off = make([]int32, n+1)
	for i := range g.xs {
		g.off[g.xs[i]+1]++
		g.off[g.ys[i]+1]++
	}
	for v := range n {
		g.off[v+1] += g.off[v]
	}
	g.to, g.w = make([]int32, 2*len(g.xs)), make([]float64, 2*len(g.xs))
	next := slices.Clone(g.off[:n])
	put := func(x, y int32, w float64) {
		g.to[next[x]], g.w[next[x]] = y, w
		next[x]++
	}
	for i := range g.xs {
		put(g.xs[i], g.ys[i], g.ws[i])
		put(g.ys[i], g.xs[i], g.ws[i])
	}
	g.xs, g.ys, g.ws = nil, nil, nil
	for v := range n {
		// Links added in order of (smaller end, larger end), as both graphs
		// of a network are, arrive sorted; others are sorted here.
		a, b := g.off[v], g.off[v+1]
		if !slices.IsSorted(g.to[a:b]) {
			sort.Sort(byNeighbour{g.to[a:b], g.w[a:b]})
		}
	}
}

type byNeighbour struct {
	n []int32
	w []float64
}

func (b byNeighbour) Len() int           { return len(b.n) }
func (b byNeighbour) Less(i, j int) bool { return b.n[i] < b.n[j] }
func (b byNeighbour) Swap(i, j int) {
	b.n[i], b.n[j] = b.n[j], b.n[i]
	b.w[i], b.w[j] = b.w[j], b.w[i]
}

// order is the number of nodes.
func (g *idGraph) order() int { return len(g.nodes) }

// neighbours returns v's neighbours, sorted; the slice is the graph's own.
func (g *idGraph) neighbours(v int32) []int32 { return g.to[g.off[v]:g.off[v+1]] }

// links counts the links.
func (g *idGraph) links() int { return len(g.to) / 2 }

// degree is the number of neighbours of node v.
func (g *idGraph) degree(v int32) int { return int(g.off[v+1] - g.off[v]) }

func (g *idGraph) has(id int64) bool { return id >= 0 && id < int64(len(g.nodes)) }

// find returns the position of y in to among x's neighbours, or -1.
func (g *idGraph) find(x, y int64) int {
	if !g.has(x) || !g.has(y) {
		return -1
	}
	a := g.neighbours(int32(x))
	if i, ok := slices.BinarySearch(a, int32(y)); ok {
		return int(g.off[x]) + i
	}
	return -1
}

func (g *idGraph) Node(id int64) graph.Node {
	if !g.has(id) {
		return nil
	}
	return g.nodes[id]
}

func (g *idGraph) Nodes() graph.Nodes { return &allNodes{nodes: g.nodes, at: -1} }

func (g *idGraph) From(id int64) graph.Nodes {
	if !g.has(id) || g.degree(int32(id)) == 0 {
		return graph.Empty
	}
	return &nodeIter{nodes: g.nodes, ids: g.neighbours(int32(id)), at: -1}
}

// allNodes walks the graph's nodes. Like nodeIter it has no NodeSlice
// method: gonum's iterator.OrderedNodes hands out its slice, which gonum's
// Yen then reorders in place — that would scramble the graph.
type allNodes struct {
	nodes []graph.Node
	at    int
}

func (it *allNodes) Next() bool {
	if it.at+1 >= len(it.nodes) {
		it.at = len(it.nodes)
		return false
	}
	it.at++
	return true
}

func (it *allNodes) Node() graph.Node {
	if it.at < 0 || it.at >= len(it.nodes) {
		return nil
	}
	return it.nodes[it.at]
}

func (it *allNodes) Len() int { return max(len(it.nodes)-it.at-1, 0) }

func (it *allNodes) Reset() { it.at = -1 }

// nodeIter walks a node's neighbours, handing out the graph's boxed nodes.
type nodeIter struct {
	nodes []graph.Node
	ids   []int32
	at    int
}

func (it *nodeIter) Next() bool {
	if it.at+1 >= len(it.ids) {
		it.at = len(it.ids)
		return false
	}
	it.at++
	return true
}

func (it *nodeIter) Node() graph.Node {
	if it.at < 0 || it.at >= len(it.ids) {
		return nil
	}
	return it.nodes[it.ids[it.at]]
}

func (it *nodeIter) Len() int { return max(len(it.ids)-it.at-1, 0) }

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
	return simple.WeightedEdge{F: g.nodes[u], T: g.nodes[v], W: g.w[i]}
}

func (g *idGraph) Weight(x, y int64) (float64, bool) {
	if x == y && g.has(x) {
		return 0, true
	}
	if i := g.find(x, y); i >= 0 {
		return g.w[i], true
	}
	return 0, false
}

// components returns the connected components of g, each a list of its
// nodes in id order, in order of their smallest node.
func (g *idGraph) components() [][]int32 {
	seen := make([]bool, g.order())
	var out [][]int32
	for s := range int32(g.order()) {
		if seen[s] {
			continue
		}
		seen[s] = true
		c := []int32{s}
		for head := 0; head < len(c); head++ {
			for _, w := range g.neighbours(c[head]) {
				if !seen[w] {
					seen[w] = true
					c = append(c, w)
				}
			}
		}
		slices.Sort(c)
		out = append(out, c)
	}
	return out
}
