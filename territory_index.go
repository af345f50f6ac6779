package buurtnet

import (
	"context"
	"slices"
	"sort"
	"sync/atomic"
)

// territoryIndex answers Relate, Related and InTerritory without walking the
// graph: how territories stand to each other is a property of the graph
// alone, so it is worked out once per graph and shared by every question
// asked of it. Territories are numbered in the order of their ids, so a
// sorted list of numbers is a sorted list of ids.
type territoryIndex struct {
	ids []string
	at  map[string]int32
	// anc and desc hold each territory's ancestors and descendants, itself
	// included, sorted. A territory has a handful of ancestors, so the sum
	// of both is a few times the number of territories.
	anc, desc [][]int32
	overlaps  [][]int32
	// related holds, once asked for, every territory sharing ground with
	// one (see Related); computed on demand because a region's is the
	// whole graph while a street's is a few dozen.
	related []atomic.Pointer[[]int32]
}

// checkEvery is how many steps of a loop run between two looks at the
// context: often enough to stop within a millisecond, rarely enough to cost
// nothing.
const checkEvery = 1024

// index returns the graph's index, building it at the first question.
func (g *TerritoryGraph) index(ctx context.Context) (*territoryIndex, error) {
	if x := g.idx.Load(); x != nil {
		return x, nil
	}
	x, err := buildIndex(ctx, g)
	if err != nil {
		return nil, err
	}
	// Two questions arriving at once may both build it; either copy will do.
	g.idx.CompareAndSwap(nil, x)
	return g.idx.Load(), nil
}

// mustIndex is index for the methods that take no context: building the
// index of even a country's territories takes milliseconds.
func (g *TerritoryGraph) mustIndex() *territoryIndex {
	x, err := g.index(context.Background())
	if err != nil {
		panic(err) // cannot happen: only a context stops the build
	}
	return x
}

func buildIndex(ctx context.Context, g *TerritoryGraph) (*territoryIndex, error) {
	known := map[string]bool{}
	for _, m := range []map[string][]string{g.parents, g.children, g.overlaps} {
		for id, ids := range m {
			known[id] = true
			for _, o := range ids {
				known[o] = true
			}
		}
	}
	x := &territoryIndex{at: make(map[string]int32, len(known))}
	for id := range known {
		x.ids = append(x.ids, id)
	}
	sort.Strings(x.ids)
	for i, id := range x.ids {
		x.at[id] = int32(i)
	}
	n := len(x.ids)
	x.anc, x.desc, x.overlaps = make([][]int32, n), make([][]int32, n), make([][]int32, n)
	x.related = make([]atomic.Pointer[[]int32], n)
	seen := make([]int32, n) // seen[j] == i+1: j reached from i
	var stack []int32
	for i, id := range x.ids {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, timeout(err)
			}
		}
		// Walking up is cheap: a territory has a few ancestors.
		mark := int32(i + 1)
		seen[i] = mark
		anc := []int32{int32(i)}
		stack = append(stack[:0], int32(i))
		for len(stack) > 0 {
			t := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, p := range g.parents[x.ids[t]] {
				j := x.at[p]
				if seen[j] != mark {
					seen[j] = mark
					anc = append(anc, j)
					stack = append(stack, j)
				}
			}
		}
		slices.Sort(anc)
		x.anc[i] = anc
		// i grows, so every descendant list stays sorted.
		for _, a := range anc {
			x.desc[a] = append(x.desc[a], int32(i))
		}
		for _, o := range g.overlaps[id] {
			x.overlaps[i] = append(x.overlaps[i], x.at[o])
		}
	}
	return x, nil
}

// has reports whether the sorted list s holds v.
func has(s []int32, v int32) bool {
	_, ok := slices.BinarySearch(s, v)
	return ok
}

// relate is Relate on numbered territories.
func (x *territoryIndex) relate(ctx context.Context, a, b int32) (Spatial, bool, error) {
	switch {
	case a == b:
		return SpatialSame, true, nil
	case has(x.anc[b], a):
		return SpatialContains, true, nil
	case has(x.anc[a], b):
		return SpatialWithin, true, nil
	}
	rel, err := x.relatedTo(ctx, a)
	if err != nil {
		return "", false, err
	}
	if has(rel, b) {
		return SpatialPartial, true, nil
	}
	return "", false, nil
}

// relatedTo returns the territories sharing ground with t, sorted: those
// containing a territory that lies within t or overlaps one within t (the
// rule of Relate, read from t's side).
func (x *territoryIndex) relatedTo(ctx context.Context, t int32) ([]int32, error) {
	if p := x.related[t].Load(); p != nil {
		return *p, nil
	}
	in := make([]bool, len(x.ids))
	var out []int32
	reach := func(u int32) {
		for _, a := range x.anc[u] {
			if !in[a] {
				in[a] = true
				out = append(out, a)
			}
		}
	}
	for i, d := range x.desc[t] {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, timeout(err)
			}
		}
		reach(d)
		for _, o := range x.overlaps[d] {
			reach(o)
		}
	}
	slices.Sort(out)
	x.related[t].Store(&out)
	return out, nil
}

// within reports whether territory a lies within t (or is t).
func (x *territoryIndex) within(a, t int32) bool { return has(x.anc[a], t) }
