package buurtnet

import (
	"context"
	"fmt"
	"sync"
)

// Analyst answers the questions buurtnet exists for — overlaps, synergies,
// gaps, stakeholder maps — on any Store. The store fetches; the rules in
// this package decide. GraphQL, exports and briefings all go through here,
// so they cannot disagree.
type Analyst struct {
	Store Store

	graph        graphCache
	profileCache profileCache
}

// graphCache keeps the territory graph, and with it the index its questions
// build, for as long as the store's revision stays the same: the graph
// changes seldom and is read by every question.
type graphCache struct {
	mu       sync.Mutex
	revision int64
	graph    *TerritoryGraph
}

type revisionKey struct{}

// pinRevision reads the store's revision once for a question, so that its
// territory graph and its profiles are looked up under one revision with
// one round trip, not one per lookup; under WithRevisionPin, once for the
// whole request.
func (a *Analyst) pinRevision(ctx context.Context) (context.Context, error) {
	if _, ok := ctx.Value(revisionKey{}).(int64); ok {
		return ctx, nil
	}
	rev, err := a.revision(ctx)
	if err != nil {
		return ctx, err
	}
	return context.WithValue(ctx, revisionKey{}, rev), nil
}

// revision is the revision pinned in ctx, or the store's as of now.
func (a *Analyst) revision(ctx context.Context) (int64, error) {
	if rev, ok := ctx.Value(revisionKey{}).(int64); ok {
		return rev, nil
	}
	if rev, ok, err := PinnedRevision(ctx, a.Store); ok {
		return rev, err
	}
	rev, err := a.Store.Revision(ctx)
	if err != nil {
		return 0, fmt.Errorf("store revision: %w", err)
	}
	return rev, nil
}

// territoryGraph returns the store's territory graph, read again only when
// the store changed since. The revision is read before the graph: a write
// committed in between makes the next question read the graph again, where
// the other order could keep a graph older than its revision.
func (a *Analyst) territoryGraph(ctx context.Context) (*TerritoryGraph, error) {
	rev, err := a.revision(ctx)
	if err != nil {
		return nil, err
	}
	c := &a.graph
	c.mu.Lock()
	g := c.graph
	if c.revision != rev {
		g = nil
	}
	c.mu.Unlock()
	if g != nil {
		return g, nil
	}
	if g, err = a.Store.TerritoryGraph(ctx); err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.graph == nil || rev >= c.revision {
		c.graph, c.revision = g, rev
	}
	c.mu.Unlock()
	return g, nil
}

// Overlaps returns the projects overlapping project id (see FindOverlaps).
// ENOTFOUND when the project does not exist.
func (a *Analyst) Overlaps(ctx context.Context, id string, on Date) (*ProjectProfile, []*Overlap, error) {
	if err := ValidateID("project", id, KindProject); err != nil {
		return nil, nil, err
	}
	ctx, err := a.pinRevision(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("overlaps: %w", err)
	}
	g, err := a.territoryGraph(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("overlaps: %w", err)
	}
	subject, err := a.profile(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	var territories []string
	for _, l := range subject.Territories {
		territories = append(territories, l.To)
	}
	related, err := g.related(ctx, territories)
	if err != nil {
		return nil, nil, fmt.Errorf("overlaps: %w", err)
	}
	candidates, err := a.profiles(ctx, around(g, related))
	if err != nil {
		return nil, nil, fmt.Errorf("overlaps: %w", err)
	}
	// A programme and its action packages are one piece of work described
	// at two levels: they do not overlap each other.
	others := candidates[:0:0]
	for _, c := range candidates {
		if !g.SameProgrammeLine(id, c.Project.ID) {
			others = append(others, c)
		}
	}
	overlaps, err := FindOverlaps(ctx, g, subject, others, on)
	if err != nil {
		return nil, nil, fmt.Errorf("overlaps: %w", err)
	}
	return subject, overlaps, nil
}

// SynergyQuery scopes a synergy search. Empty fields do not restrict.
type SynergyQuery struct {
	// Territory: both projects work in it (InTerritory).
	Territory string
	// Theme: at least one of the two addresses it.
	Theme string
	// Kind: only the pairs of this kind (introductions to make, or
	// collaborations to strengthen); empty for both.
	Kind  SynergyKind
	On    Date
	First int
}

// Synergies ranks the overlapping project pairs in scope (see ScoreSynergy).
func (a *Analyst) Synergies(ctx context.Context, q SynergyQuery) ([]*Synergy, error) {
	if q.Territory != "" {
		if err := a.mustExist(ctx, "territory", q.Territory, KindTerritory); err != nil {
			return nil, err
		}
	}
	if q.Theme != "" {
		if err := a.mustExist(ctx, "theme", q.Theme, KindTheme); err != nil {
			return nil, err
		}
	}
	if q.First < 0 {
		return nil, FieldError(EINVALID, "first", "first cannot be negative")
	}
	if err := validateOneOf("kind", q.Kind, SynergyKinds, true); err != nil {
		return nil, err
	}
	ctx, err := a.pinRevision(ctx)
	if err != nil {
		return nil, fmt.Errorf("synergies: %w", err)
	}
	g, err := a.territoryGraph(ctx)
	if err != nil {
		return nil, fmt.Errorf("synergies: %w", err)
	}
	x, err := g.index(ctx)
	if err != nil {
		return nil, fmt.Errorf("synergies: %w", err)
	}
	pq := ProfileQuery{All: true}
	if q.Territory != "" {
		related, err := g.related(ctx, []string{q.Territory})
		if err != nil {
			return nil, fmt.Errorf("synergies: %w", err)
		}
		pq = around(g, related)
	}
	projects, err := a.profiles(ctx, pq)
	if err != nil {
		return nil, fmt.Errorf("synergies: %w", err)
	}
	functions, err := a.functions(ctx)
	if err != nil {
		return nil, err
	}
	byID := map[string]*Term{}
	for _, f := range functions {
		byID[f.ID] = f
	}
	var scoped []*ProjectProfile
	for _, p := range projects {
		if q.Territory == "" || inTerritory(x, q.Territory, p, q.On, Period{}) {
			scoped = append(scoped, p)
		}
	}
	keep := func(x, y *ProjectProfile) bool {
		return (q.Theme == "" || contains(x.Themes, q.Theme) || contains(y.Themes, q.Theme)) &&
			!g.SameProgrammeLine(x.Project.ID, y.Project.ID)
	}
	ranked, err := RankSynergiesOf(ctx, g, scoped, byID, q.On, q.Kind, keep, q.First)
	if err != nil {
		return nil, fmt.Errorf("synergies: %w", err)
	}
	return ranked, nil
}

// candidatesIn reads the profiles of the projects that may work in
// territory (InTerritory): those active in it, in a territory within it or
// in one containing it.
func (a *Analyst) candidatesIn(ctx context.Context, g *TerritoryGraph, territory string) ([]*ProjectProfile, error) {
	x, err := g.index(ctx)
	if err != nil {
		return nil, err
	}
	candidates := []string{territory}
	if t, ok := x.at[territory]; ok {
		candidates = candidates[:0]
		for _, u := range x.desc[t] {
			candidates = append(candidates, x.ids[u])
		}
		for _, u := range x.anc[t] {
			if u != t {
				candidates = append(candidates, x.ids[u])
			}
		}
	}
	return a.profiles(ctx, around(g, candidates))
}

// Gaps returns the gap report of a territory: against its own priorities,
// then the full lists, with the projects partly present. ENOTFOUND for an
// unknown one.
func (a *Analyst) Gaps(ctx context.Context, territory string, on Date) (*GapReport, error) {
	if err := a.mustExist(ctx, "territory", territory, KindTerritory); err != nil {
		return nil, err
	}
	ctx, err := a.pinRevision(ctx)
	if err != nil {
		return nil, fmt.Errorf("gaps: %w", err)
	}
	g, err := a.territoryGraph(ctx)
	if err != nil {
		return nil, fmt.Errorf("gaps: %w", err)
	}
	// Every territory sharing ground: those within and around for the
	// projects present, the partly overlapping ones for those partly present.
	related, err := g.related(ctx, []string{territory})
	if err != nil {
		return nil, fmt.Errorf("gaps: %w", err)
	}
	projects, err := a.profiles(ctx, around(g, related))
	if err != nil {
		return nil, fmt.Errorf("gaps: %w", err)
	}
	functions, err := a.functions(ctx)
	if err != nil {
		return nil, err
	}
	themes, err := a.terms(ctx, KindTheme)
	if err != nil {
		return nil, err
	}
	groups, err := a.terms(ctx, KindTargetGroup)
	if err != nil {
		return nil, err
	}
	chosen, err := a.Store.Links(ctx, LinkQuery{Kinds: []LinkKind{LinkPrioritises, LinkPrioritisesGroup}, From: []string{territory}})
	if err != nil {
		return nil, fmt.Errorf("gaps: priorities of %s: %w", territory, err)
	}
	lists := GapLists{Functions: functions, Themes: themes, TargetGroups: groups, Priorities: chosen}
	report, err := FindGapsIn(ctx, g, territory, projects, lists, on)
	if err != nil {
		return nil, fmt.Errorf("gaps: %w", err)
	}
	return report, nil
}

// functions returns every function with its crosswalk filled in.
func (a *Analyst) functions(ctx context.Context) ([]*Term, error) {
	functions, err := a.terms(ctx, KindFunction)
	if err != nil {
		return nil, err
	}
	crosswalk, err := a.Store.Links(ctx, LinkQuery{Kinds: []LinkKind{LinkCorrespondsTo}})
	if err != nil {
		return nil, fmt.Errorf("crosswalk: %w", err)
	}
	return WithCrosswalk(functions, crosswalk), nil
}

// around asks for the projects active in one of territories. Around a
// province or a region nearly every project is wanted: reading them all is
// then cheaper than naming thousands of territories, and the rules, which
// check where each project works, leave the others out.
func around(g *TerritoryGraph, territories []string) ProfileQuery {
	if x := g.idx.Load(); x != nil && len(territories) > len(x.ids)/2 {
		return ProfileQuery{All: true}
	}
	return ProfileQuery{Territories: territories}
}

// StakeholderMap returns the stakeholder map of a project. ENOTFOUND.
func (a *Analyst) StakeholderMap(ctx context.Context, id string) (*StakeholderMap, error) {
	if err := ValidateID("project", id, KindProject); err != nil {
		return nil, err
	}
	p, err := a.profile(ctx, id)
	if err != nil {
		return nil, err
	}
	return MapStakeholders(p), nil
}

func (a *Analyst) profile(ctx context.Context, id string) (*ProjectProfile, error) {
	ps, err := a.profiles(ctx, ProfileQuery{IDs: []string{id}})
	if err != nil {
		return nil, fmt.Errorf("profile %s: %w", id, err)
	}
	if len(ps) == 0 {
		return nil, FieldError(ENOTFOUND, "project", "no project with id %q", id)
	}
	return ps[0], nil
}

func (a *Analyst) terms(ctx context.Context, k Kind) ([]*Term, error) {
	nodes, _, err := a.Store.Find(ctx, NodeFilter{Kind: k})
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", k, err)
	}
	out := make([]*Term, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, n.(*Term))
	}
	return out, nil
}

func (a *Analyst) mustExist(ctx context.Context, field, id string, k Kind) error {
	if err := ValidateID(field, id, k); err != nil {
		return err
	}
	ns, err := a.Store.Nodes(ctx, []string{id})
	if err != nil {
		return fmt.Errorf("look up %s: %w", id, err)
	}
	if len(ns) == 0 {
		return FieldError(ENOTFOUND, field, "no %s with id %q", k, id)
	}
	return nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
