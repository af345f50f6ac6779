package buurtnet

import "sort"

// TerritoryGraph holds how territories nest and overlap. It is small (even
// every statistical sector of Belgium is a few tens of thousands of edges),
// so the rules below work on it in memory, the same way whatever the store.
type TerritoryGraph struct {
	parents  map[string][]string // PART_OF: child → parents
	children map[string][]string
	overlaps map[string][]string // OVERLAPS, both directions
}

// NewTerritoryGraph builds a graph from PART_OF and OVERLAPS links; other
// kinds of link are ignored.
func NewTerritoryGraph(links []*Link) *TerritoryGraph {
	g := &TerritoryGraph{parents: map[string][]string{}, children: map[string][]string{}, overlaps: map[string][]string{}}
	for _, l := range links {
		switch l.Kind {
		case LinkPartOf:
			g.parents[l.From] = append(g.parents[l.From], l.To)
			g.children[l.To] = append(g.children[l.To], l.From)
		case LinkOverlaps:
			g.overlaps[l.From] = append(g.overlaps[l.From], l.To)
			g.overlaps[l.To] = append(g.overlaps[l.To], l.From)
		}
	}
	return g
}

// Descendants returns id and every territory (transitively) part of it.
func (g *TerritoryGraph) Descendants(id string) map[string]bool { return g.walk(id, g.children) }

// Ancestors returns id and every territory it is (transitively) part of.
func (g *TerritoryGraph) Ancestors(id string) map[string]bool { return g.walk(id, g.parents) }

func (g *TerritoryGraph) walk(id string, next map[string][]string) map[string]bool {
	seen := map[string]bool{id: true}
	stack := []string{id}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, m := range next[n] {
			if !seen[m] {
				seen[m] = true
				stack = append(stack, m)
			}
		}
	}
	return seen
}

// WouldCycle reports whether making child part of parent would make a
// territory part of itself: whether child is parent or contains it. It walks
// up from parent, because a territory has a few ancestors but may have
// thousands of descendants, and an import asks once per PART_OF link.
func (g *TerritoryGraph) WouldCycle(child, parent string) bool {
	return g.Ancestors(parent)[child]
}

// AddPartOf records that child is part of parent, so that a store checking
// a batch of links sees the earlier ones of the batch.
func (g *TerritoryGraph) AddPartOf(child, parent string) {
	g.parents[child] = append(g.parents[child], parent)
	g.children[parent] = append(g.children[parent], child)
}

// Spatial says how two territories relate in space.
type Spatial string

const (
	SpatialSame     Spatial = "SAME"     // the same territory
	SpatialContains Spatial = "CONTAINS" // the first contains the second
	SpatialWithin   Spatial = "WITHIN"   // the first lies within the second
	SpatialPartial  Spatial = "PARTIAL"  // they share ground without nesting
)

// Relate says how territory a relates to territory b; ok is false when they
// share no ground. The rule:
//   - SAME when a is b; CONTAINS / WITHIN when one is (transitively) part of
//     the other;
//   - PARTIAL when they share a sub-territory (the two Zoom Seniors zones and
//     the Stalingrad neighbourhood share a half of Stalingrad), or when a
//     territory within a overlaps a territory within b (Brabantwijk overlaps
//     Schaarbeek, so Brabantwijk and Schaarbeek — and anything containing
//     Brabantwijk and anything containing Schaarbeek — share ground).
//
// Containment and overlap of ancestors alone say nothing: two streets of two
// overlapping neighbourhoods may be far apart.
func (g *TerritoryGraph) Relate(a, b string) (Spatial, bool) {
	if a == b {
		return SpatialSame, true
	}
	da, db := g.Descendants(a), g.Descendants(b)
	if da[b] {
		return SpatialContains, true
	}
	if db[a] {
		return SpatialWithin, true
	}
	for x := range da {
		if db[x] {
			return SpatialPartial, true
		}
		for _, y := range g.overlaps[x] {
			if db[y] {
				return SpatialPartial, true
			}
		}
	}
	return "", false
}

// Related returns every territory that shares ground with one of ids: the
// candidates Relate can say yes to, sorted. Stores use it to find the
// projects worth comparing without scanning them all.
func (g *TerritoryGraph) Related(ids ...string) []string {
	out := map[string]bool{}
	for _, id := range ids {
		// Following Relate: b shares ground with id when b contains a territory
		// that is within id or overlaps one within id. Collect those "touching"
		// territories, then everything that contains them.
		touching := map[string]bool{}
		for x := range g.Descendants(id) {
			touching[x] = true
			for _, y := range g.overlaps[x] {
				touching[y] = true
			}
		}
		for t := range touching {
			for up := range g.Ancestors(t) {
				out[up] = true
			}
		}
	}
	ids = ids[:0:0]
	for id := range out {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
