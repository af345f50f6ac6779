package buurtnet

import (
	"container/heap"
	"context"
	"slices"
	"sort"
)

// RankSynergies scores every overlapping pair among projects and returns them
// best first (ties by the pair's ids: "A.id B.id", A the one listed first in
// projects), at most first when first > 0. keep, when not nil, decides
// which pairs are in scope. ETIMEOUT when ctx ends first.
//
// Only pairs that share ground can overlap, so the candidates of a project
// are found through the territories related to its own (the territory
// index), not among all projects. Each candidate's score is computed on
// numbers alone (scorePair, the same sum as ScoreSynergy); the reasons and
// the overlap are spelled out for the first pairs only.
func RankSynergies(ctx context.Context, g *TerritoryGraph, projects []*ProjectProfile, functions map[string]*Term, on Date, keep func(a, b *ProjectProfile) bool, first int) ([]*Synergy, error) {
	return RankSynergiesOf(ctx, g, projects, functions, on, "", keep, first)
}

// RankSynergiesOf is RankSynergies for the pairs of one kind (PairKind;
// both kinds when kind is empty). The kind is decided on numbers, like the
// score, for every candidate pair.
func RankSynergiesOf(ctx context.Context, g *TerritoryGraph, projects []*ProjectProfile, functions map[string]*Term, on Date, kind SynergyKind, keep func(a, b *ProjectProfile) bool, first int) ([]*Synergy, error) {
	x, err := g.index(ctx)
	if err != nil {
		return nil, err
	}
	r, err := newRanking(ctx, x, projects, functions, on)
	if err != nil {
		return nil, err
	}
	best := &pairHeap{r: r}
	var all []*Synergy
	step := 0
	for i := range r.ps {
		cands, err := r.candidates(ctx, int32(i))
		if err != nil {
			return nil, err
		}
		a := &r.ps[i]
		for _, j := range cands {
			if step++; step%checkEvery == 0 {
				if err := ctx.Err(); err != nil {
					return nil, timeout(err)
				}
			}
			b := &r.ps[j]
			if a.p.Project.ID == b.p.Project.ID || (kind != "" && r.kind(a, b) != kind) || (keep != nil && !keep(a.p, b.p)) {
				continue
			}
			if first <= 0 {
				ov, err := meet(ctx, g, x, side{a.p, a.acts, a.p.sortedPartners()}, side{b.p, b.acts, nil})
				if err != nil {
					return nil, err
				}
				if ov != nil {
					all = append(all, ScoreSynergy(a.p, b.p, ov, functions))
				}
				continue
			}
			closeness, err := r.closeness(ctx, a, b)
			if err != nil {
				return nil, err
			}
			if closeness == 0 {
				continue
			}
			c := scoredPair{score: r.score(a, b, closeness), a: int32(i), b: j}
			if best.Len() < first {
				heap.Push(best, c)
			} else if best.better(c, best.pairs[0]) {
				best.pairs[0] = c
				heap.Fix(best, 0)
			}
		}
	}
	for _, c := range best.pairs {
		a, b := &r.ps[c.a], &r.ps[c.b]
		ov, err := meet(ctx, g, x, side{a.p, a.acts, a.p.sortedPartners()}, side{b.p, b.acts, nil})
		if err != nil {
			return nil, err
		}
		all = append(all, ScoreSynergy(a.p, b.p, ov, functions))
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Score != all[j].Score {
			return all[i].Score > all[j].Score
		}
		return compareJoined(all[i].A.Project.ID, all[i].B.Project.ID, all[j].A.Project.ID, all[j].B.Project.ID) < 0
	})
	return all, nil
}

// ranking holds the projects of one RankSynergies with what scoring reads
// of them turned into numbers, and the projects active per territory.
type ranking struct {
	x  *territoryIndex
	ps []rankedProject
	// active lists, per territory, the projects active there (by index in
	// ps, ascending); unknown does the same for territories in no link.
	active  map[int32][]int32
	unknown map[string][]int32
	seen    []int32
	// classes numbers the complementary pairs (see pairClasses).
	classes []int
}

type rankedProject struct {
	p    *ProjectProfile
	acts []activity
	at   []int32 // the territory of each activity, -1 for one in no link
	// Sorted numbers standing for ids, one numbering per kind of id.
	partners, funders, themes, targets []int32
	// coordinators are the partners with the role COORDINATOR.
	coordinators []int32
	// collaborators are the projects it formally collaborates with; self
	// is its own number among them.
	collaborators []int32
	self          int32
	// functions has, per complementary pair k, bit 2k when the project works
	// on its first function and bit 2k+1 when on its second.
	functions uint64
}

func newRanking(ctx context.Context, x *territoryIndex, projects []*ProjectProfile, functions map[string]*Term, on Date) (*ranking, error) {
	r := &ranking{x: x, ps: make([]rankedProject, len(projects)), active: map[int32][]int32{}, unknown: map[string][]int32{}, seen: make([]int32, len(projects)), classes: pairClasses(functions)}
	numbers := map[string]int32{}
	number := func(ids []string) []int32 {
		out := make([]int32, 0, len(ids))
		for _, id := range ids {
			n, ok := numbers[id]
			if !ok {
				n = int32(len(numbers))
				numbers[id] = n
			}
			out = append(out, n)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	for i, p := range projects {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, timeout(err)
			}
		}
		rp := rankedProject{p: p, acts: p.activities(on)}
		for _, a := range rp.acts {
			t, ok := x.at[a.territory]
			if !ok {
				t = -1
				if l := r.unknown[a.territory]; len(l) == 0 || l[len(l)-1] != int32(i) {
					r.unknown[a.territory] = append(l, int32(i))
				}
			} else if l := r.active[t]; len(l) == 0 || l[len(l)-1] != int32(i) {
				r.active[t] = append(l, int32(i))
			}
			rp.at = append(rp.at, t)
		}
		rp.partners, rp.funders = number(p.Partners()), number(p.Funders())
		rp.coordinators = number(p.coordinators())
		rp.collaborators = number(p.Collaborators)
		rp.self = number([]string{p.Project.ID})[0]
		rp.themes, rp.targets = number(p.Themes), number(p.TargetGroups)
		for k, pair := range complementaryPairs {
			for _, f := range p.Functions {
				if isFunction(functions, f, pair.framework, pair.from) {
					rp.functions |= 1 << (2 * k)
				}
				if isFunction(functions, f, pair.framework, pair.to) {
					rp.functions |= 1 << (2*k + 1)
				}
			}
		}
		r.ps[i] = rp
	}
	return r, nil
}

// candidates returns the projects after i in the list that are active in a
// territory sharing ground with one of i's: the only ones that can overlap
// it.
func (r *ranking) candidates(ctx context.Context, i int32) ([]int32, error) {
	var out []int32
	mark := i + 1
	add := func(js []int32) {
		// Lists are ascending: skip to the projects after i.
		k, _ := slices.BinarySearch(js, i+1)
		for _, j := range js[k:] {
			if r.seen[j] != mark {
				r.seen[j] = mark
				out = append(out, j)
			}
		}
	}
	a := &r.ps[i]
	for k, t := range a.at {
		if t < 0 {
			add(r.unknown[a.acts[k].territory])
			continue
		}
		rel, err := r.x.relatedTo(ctx, t)
		if err != nil {
			return nil, err
		}
		for _, u := range rel {
			if js := r.active[u]; len(js) > 0 {
				add(js)
			}
		}
	}
	return out, nil
}

// closeness is Overlap.closeness of the pair, 0 when they do not meet.
func (r *ranking) closeness(ctx context.Context, a, b *rankedProject) (int, error) {
	best := 0
	for i, ta := range a.at {
		for j, tb := range b.at {
			var rel Spatial
			switch {
			case a.acts[i].territory == b.acts[j].territory:
				rel = SpatialSame
			case ta < 0 || tb < 0:
				continue
			default:
				var ok bool
				var err error
				if rel, ok, err = r.x.relate(ctx, ta, tb); err != nil {
					return 0, err
				} else if !ok {
					continue
				}
			}
			if w := placeWeight(rel); w > best {
				if _, ok := a.acts[i].period.Intersect(b.acts[j].period); ok {
					best = w
				}
			}
		}
	}
	return best, nil
}

// score is ScoreSynergy's score for a pair meeting with the given
// closeness, counted on numbers.
func (r *ranking) score(a, b *rankedProject, closeness int) int {
	c := pairCounts{closeness: closeness, fundersA: len(a.funders), fundersB: len(b.funders)}
	c.sharedPartners, c.bridges = sharedPartners(a, b)
	// Counted only where points read them: this runs for every pair.
	if c.sharedPartners == 0 {
		c.sharedTargets = countCommon(a.targets, b.targets)
	}
	if c.fundersA > 0 && c.fundersB > 0 {
		c.sharedFunders = countCommon(a.funders, b.funders)
	}
	c.sharedThemes = countCommon(a.themes, b.themes)
	var counted uint64 // bit 2c (a → b) and 2c+1 (b → a) per pair class c
	for k := range complementaryPairs {
		from, to := uint64(1)<<(2*k), uint64(1)<<(2*k+1)
		ab, ba := uint64(1)<<(2*r.classes[k]), uint64(1)<<(2*r.classes[k]+1)
		fa, fb := a.functions, b.functions
		if fa&from != 0 && fb&to != 0 && fb&from == 0 && fa&to == 0 && counted&ab == 0 {
			counted |= ab
			c.complementary++
		}
		if fb&from != 0 && fa&to != 0 && fa&from == 0 && fb&to == 0 && counted&ba == 0 {
			counted |= ba
			c.complementary++
		}
	}
	return c.points()
}

// kind is PairKind of the pair, on numbers.
func (*ranking) kind(a, b *rankedProject) SynergyKind {
	if _, ok := slices.BinarySearch(a.collaborators, b.self); ok {
		return SynergyStrengthen
	}
	for _, dir := range [2][2]*rankedProject{{a, b}, {b, a}} {
		for _, c := range dir[0].coordinators {
			if _, ok := slices.BinarySearch(dir[1].partners, c); ok {
				return SynergyStrengthen
			}
		}
	}
	return SynergyIntroduction
}

// sharedPartners counts the organisations taking part in both projects, and
// those of them that coordinate neither (the bridges).
func sharedPartners(a, b *rankedProject) (shared, bridging int) {
	for i, j := 0, 0; i < len(a.partners) && j < len(b.partners); {
		switch x, y := a.partners[i], b.partners[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			shared++
			if !slices.Contains(a.coordinators, x) && !slices.Contains(b.coordinators, x) {
				bridging++ // a project has one or two coordinators: a scan is cheapest
			}
			i++
			j++
		}
	}
	return shared, bridging
}

// countCommon counts the numbers two sorted lists share.
func countCommon(a, b []int32) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// compareJoined compares a1+" "+b1 with a2+" "+b2 without building them.
func compareJoined(a1, b1, a2, b2 string) int {
	at := func(a, b string, i int) (byte, bool) {
		switch {
		case i < len(a):
			return a[i], true
		case i == len(a):
			return ' ', true
		case i-len(a)-1 < len(b):
			return b[i-len(a)-1], true
		}
		return 0, false
	}
	for i := 0; ; i++ {
		x, okx := at(a1, b1, i)
		y, oky := at(a2, b2, i)
		switch {
		case !okx && !oky:
			return 0
		case !okx:
			return -1
		case !oky:
			return 1
		case x != y:
			if x < y {
				return -1
			}
			return 1
		}
	}
}

// scoredPair is a candidate for the ranking: projects a and b of the
// ranking, a listed first.
type scoredPair struct {
	score int
	a, b  int32
}

// pairHeap keeps the best pairs seen so far, the worst of them on top.
type pairHeap struct {
	r     *ranking
	pairs []scoredPair
}

// better reports whether c ranks before d.
func (h *pairHeap) better(c, d scoredPair) bool {
	if c.score != d.score {
		return c.score > d.score
	}
	ps := h.r.ps
	return compareJoined(ps[c.a].p.Project.ID, ps[c.b].p.Project.ID, ps[d.a].p.Project.ID, ps[d.b].p.Project.ID) < 0
}

func (h *pairHeap) Len() int           { return len(h.pairs) }
func (h *pairHeap) Less(i, j int) bool { return h.better(h.pairs[j], h.pairs[i]) }
func (h *pairHeap) Swap(i, j int)      { h.pairs[i], h.pairs[j] = h.pairs[j], h.pairs[i] }
func (h *pairHeap) Push(x any)         { h.pairs = append(h.pairs, x.(scoredPair)) }
func (h *pairHeap) Pop() any {
	last := h.pairs[len(h.pairs)-1]
	h.pairs = h.pairs[:len(h.pairs)-1]
	return last
}
