package buurtnet

import (
	"context"
	"math/rand/v2"
	"slices"
)

// Louvain modularity optimisation (Blondel, Guillaume, Lambiotte &
// Lefebvre, Fast unfolding of communities in large networks, J. Stat.
// Mech. 2008, P10008) on the graph's flat arrays.
//
// gonum's community.Modularize implements the same method, but weighs a
// node's move into a community by looking up its link to every member of
// that community in a map, which is quadratic in the size of the
// communities: on the regional tier's organisation graph (18,770
// organisations, 462,000 links) it takes 30 s of CPU. Here the move is
// weighed from the node's own links, as in the paper: one pass costs one
// look at every link. Tests hold the modularity against gonum's
// community.Q, and the clusters against gonum's on small graphs.

const (
	// louvainSeed fixes the order Louvain visits nodes in, so that the same
	// network always gets the same clusters.
	louvainSeed = 1
	// louvainPasses bounds the passes over the nodes at one level; the
	// passes end sooner as soon as no node moves. Seldom more than a dozen
	// are needed.
	louvainPasses = 100
)

// louvainGraph is one level of Louvain: nodes are the communities of the
// level below, linked by the total weight between them; self holds the
// weight inside (every link inside counted from both ends), k the total
// weight at a node, self included.
type louvainGraph struct {
	off  []int32
	to   []int32
	w    []float64
	self []float64
	k    []float64
}

func louvainLevel0(g *idGraph) *louvainGraph {
	n := g.order()
	l := &louvainGraph{off: g.off, to: g.to, w: g.w, self: make([]float64, n), k: make([]float64, n)}
	for v := range n {
		for _, w := range g.w[g.off[v]:g.off[v+1]] {
			l.k[v] += w
		}
	}
	return l
}

func (l *louvainGraph) order() int { return len(l.k) }

// louvain returns the community of each node of g, numbered from 0 in order
// of their smallest node, and the modularity of that division at the
// given resolution. It stops with the context's error at the deadline.
func louvain(ctx context.Context, g *idGraph, resolution float64) ([]int32, float64, error) {
	r := rand.New(rand.NewPCG(louvainSeed, louvainSeed))
	level := louvainLevel0(g)
	var m2 float64
	for _, k := range level.k {
		m2 += k
	}
	of := make([]int32, g.order()) // node of g → node of the current level
	for v := range of {
		of[v] = int32(v)
	}
	if m2 == 0 {
		return of, 0, nil // no links: every node on its own
	}
	for {
		com, moved, err := level.move(ctx, r, m2, resolution)
		if err != nil {
			return nil, 0, err
		}
		if !moved {
			break
		}
		for v := range of {
			of[v] = com[of[v]]
		}
		level = level.aggregate(com)
	}
	// of now maps to the top level, whose nodes are numbered in order of
	// their smallest node of g (aggregate numbers them so), or are the
	// nodes of g themselves when nothing moved.
	return renumber(of), level.modularity(m2, resolution), nil
}

// move is the first phase of a level: nodes, in a seeded random order, move
// to the neighbouring community that gains the most modularity, pass after
// pass until none moves. It returns each node's community, numbered from 0
// in order of their smallest node, and whether any node moved.
func (l *louvainGraph) move(ctx context.Context, r *rand.Rand, m2, resolution float64) ([]int32, bool, error) {
	n := l.order()
	com := make([]int32, n)
	tot := make([]float64, n)
	for v := range n {
		com[v], tot[v] = int32(v), l.k[v]
	}
	// toCom[c] is the weight from the node at hand to community c; touched
	// lists the cs set, so that they are reset in their number.
	toCom := make([]float64, n)
	touched := make([]int32, 0, 64)
	visit := make([]int32, n)
	for i := range visit {
		visit[i] = int32(i)
	}
	movedAny := false
	for pass := 0; pass < louvainPasses; pass++ {
		r.Shuffle(n, func(i, j int) { visit[i], visit[j] = visit[j], visit[i] })
		moved := false
		for i, v := range visit {
			if i%checkEvery == 0 {
				if err := ctx.Err(); err != nil {
					return nil, false, timeout(err)
				}
			}
			own := com[v]
			for e := l.off[v]; e < l.off[v+1]; e++ {
				c := com[l.to[e]]
				if toCom[c] == 0 {
					touched = append(touched, c)
				}
				toCom[c] += l.w[e]
			}
			kv := l.k[v]
			tot[own] -= kv
			// Gain of joining c, up to terms that do not depend on c
			// (Blondel et al. 2008, eq. 2): staying is joining own again.
			best, bestGain := own, toCom[own]-resolution*tot[own]*kv/m2
			for _, c := range touched {
				gain := toCom[c] - resolution*tot[c]*kv/m2
				if gain > bestGain || (gain == bestGain && c < best && best != own) {
					best, bestGain = c, gain
				}
			}
			tot[best] += kv
			if best != own {
				com[v], moved = best, true
			}
			for _, c := range touched {
				toCom[c] = 0
			}
			touched = touched[:0]
		}
		if !moved {
			break
		}
		movedAny = true
	}
	return renumber(com), movedAny, nil
}

// renumber numbers communities from 0 in order of their smallest node.
func renumber(com []int32) []int32 {
	id := make(map[int32]int32)
	out := make([]int32, len(com))
	for v, c := range com {
		k, ok := id[c]
		if !ok {
			k = int32(len(id))
			id[c] = k
		}
		out[v] = k
	}
	return out
}

// aggregate is the second phase: a graph whose nodes are the communities.
func (l *louvainGraph) aggregate(com []int32) *louvainGraph {
	n := 0
	for _, c := range com {
		n = max(n, int(c)+1)
	}
	members := make([][]int32, n)
	for v, c := range com {
		members[c] = append(members[c], int32(v))
	}
	a := &louvainGraph{off: make([]int32, n+1), self: make([]float64, n), k: make([]float64, n)}
	toCom := make([]float64, n)
	var touched []int32
	for c, vs := range members {
		for _, v := range vs {
			a.self[c] += l.self[v]
			a.k[c] += l.k[v]
			for e := l.off[v]; e < l.off[v+1]; e++ {
				d := com[l.to[e]]
				if int(d) == c {
					a.self[c] += l.w[e]
					continue
				}
				if toCom[d] == 0 {
					touched = append(touched, d)
				}
				toCom[d] += l.w[e]
			}
		}
		slices.Sort(touched)
		for _, d := range touched {
			a.to, a.w = append(a.to, d), append(a.w, toCom[d])
			toCom[d] = 0
		}
		touched = touched[:0]
		a.off[c+1] = int32(len(a.to))
	}
	return a
}

// modularity of the division whose communities are l's nodes:
// Q = Σ_c [in_c/2m − γ·(tot_c/2m)²] (Newman & Girvan 2004).
func (l *louvainGraph) modularity(m2, resolution float64) float64 {
	q := 0.0
	for c := range l.order() {
		q += l.self[c]/m2 - resolution*(l.k[c]/m2)*(l.k[c]/m2)
	}
	return q
}
