package buurtnet

import (
	"context"
	"slices"
	"sync/atomic"
)

// TerritoryGraph holds how territories nest and overlap, and how projects
// nest in programmes: the nesting a store checks for cycles before a write.
// It is small (even every statistical sector of Belgium is a few tens of
// thousands of edges), so the rules below work on it in memory, the same
// way whatever the store.
type TerritoryGraph struct {
	parents  map[string][]string // PART_OF: child → parents
	children map[string][]string
	overlaps map[string][]string // OVERLAPS, both directions
	// programme is PART_OF_PROGRAMME: project → the programme it is part of.
	programme map[string]string
	idx       atomic.Pointer[territoryIndex]
}

// NestingLinkKinds are the kinds of link NewTerritoryGraph reads.
var NestingLinkKinds = []LinkKind{LinkPartOf, LinkOverlaps, LinkPartOfProgramme}

// NewTerritoryGraph builds a graph from PART_OF, OVERLAPS and
// PART_OF_PROGRAMME links; other kinds of link are ignored.
func NewTerritoryGraph(links []*Link) *TerritoryGraph {
	g := &TerritoryGraph{parents: map[string][]string{}, children: map[string][]string{}, overlaps: map[string][]string{}, programme: map[string]string{}}
	for _, l := range links {
		switch l.Kind {
		case LinkPartOf:
			g.parents[l.From] = append(g.parents[l.From], l.To)
			g.children[l.To] = append(g.children[l.To], l.From)
		case LinkOverlaps:
			g.overlaps[l.From] = append(g.overlaps[l.From], l.To)
			g.overlaps[l.To] = append(g.overlaps[l.To], l.From)
		case LinkPartOfProgramme:
			g.programme[l.From] = l.To
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
	g.idx.Store(nil)
}

// CheckNesting decides whether a new link of a nesting kind may be made:
// a PART_OF may not make a territory part of itself; a PART_OF_PROGRAMME
// may not give a project a second programme nor make it its own programme.
// Other kinds always may. field names the input at fault. When the link may
// be made it is recorded, so that a batch of links is checked as a whole.
func (g *TerritoryGraph) CheckNesting(k LinkKey, field string) error {
	switch k.Kind {
	case LinkPartOf:
		if g.WouldCycle(k.From, k.To) {
			return CycleError(k, field)
		}
		g.AddPartOf(k.From, k.To)
	case LinkPartOfProgramme:
		if p, ok := g.programme[k.From]; ok && p != k.To {
			return FieldError(ECONFLICT, field, "%s is already part of programme %s: a project has one programme", k.From, p)
		}
		if slices.Contains(g.Programmes(k.To), k.From) || k.From == k.To {
			return FieldError(ECONFLICT, field, "%s cannot be part of programme %s: that would make a project its own programme", k.From, k.To)
		}
		g.programme[k.From] = k.To
	}
	return nil
}

// Programmes returns the programmes project id is part of, the nearest
// first (its programme, that programme's programme …).
func (g *TerritoryGraph) Programmes(id string) []string {
	var out []string
	for p, ok := g.programme[id]; ok && len(out) <= len(g.programme); p, ok = g.programme[p] {
		out = append(out, p)
	}
	return out
}

// SameProgrammeLine reports whether one of two projects is (transitively)
// the other's programme. Such a pair is one piece of work described at two
// levels: they do not overlap each other and are no synergy.
func (g *TerritoryGraph) SameProgrammeLine(a, b string) bool {
	if len(g.programme) == 0 {
		return false
	}
	return slices.Contains(g.Programmes(a), b) || slices.Contains(g.Programmes(b), a)
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
	rel, ok, _ := g.relate(context.Background(), g.mustIndex(), a, b)
	return rel, ok
}

// relate is Relate with the index at hand and a context to stop by.
func (g *TerritoryGraph) relate(ctx context.Context, x *territoryIndex, a, b string) (Spatial, bool, error) {
	if a == b {
		return SpatialSame, true, nil
	}
	ia, oka := x.at[a]
	ib, okb := x.at[b]
	if !oka || !okb {
		return "", false, nil // a territory in no link shares ground with itself only
	}
	return x.relate(ctx, ia, ib)
}

// Related returns every territory that shares ground with one of ids: the
// candidates Relate can say yes to, sorted. Stores use it to find the
// projects worth comparing without scanning them all.
func (g *TerritoryGraph) Related(ids ...string) []string {
	out, _ := g.related(context.Background(), ids)
	return out
}

func (g *TerritoryGraph) related(ctx context.Context, ids []string) ([]string, error) {
	x, err := g.index(ctx)
	if err != nil {
		return nil, err
	}
	var union []int32
	var unknown []string
	in := map[int32]bool{}
	for _, id := range ids {
		t, ok := x.at[id]
		if !ok {
			unknown = append(unknown, id) // in no link: related to itself only
			continue
		}
		rel, err := x.relatedTo(ctx, t)
		if err != nil {
			return nil, err
		}
		if len(ids) == 1 {
			union = rel
			break
		}
		for _, r := range rel {
			if !in[r] {
				in[r] = true
				union = append(union, r)
			}
		}
	}
	out := make([]string, 0, len(union)+len(unknown))
	for _, r := range union {
		out = append(out, x.ids[r])
	}
	out = append(out, unknown...)
	slices.Sort(out)
	return slices.Compact(out), nil
}

// CycleError is the error of a PART_OF that would make a territory part of
// itself; field names the input at fault.
func CycleError(k LinkKey, field string) error {
	return FieldError(ECONFLICT, field, "%s cannot be part of %s: that would make a territory part of itself", k.From, k.To)
}
