package buurtnet

import (
	"context"
	"fmt"
)

// Analyst answers the questions buurtnet exists for — overlaps, synergies,
// gaps, stakeholder maps — on any Store. The store fetches; the rules in
// this package decide. GraphQL, exports and briefings all go through here,
// so they cannot disagree.
type Analyst struct {
	Store Store
}

// Overlaps returns the projects overlapping project id (see FindOverlaps).
// ENOTFOUND when the project does not exist.
func (a *Analyst) Overlaps(ctx context.Context, id string, on Date) (*ProjectProfile, []*Overlap, error) {
	if err := ValidateID("project", id, KindProject); err != nil {
		return nil, nil, err
	}
	g, err := a.Store.TerritoryGraph(ctx)
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
	candidates, err := a.Store.Profiles(ctx, ProfileQuery{Territories: g.Related(territories...)})
	if err != nil {
		return nil, nil, fmt.Errorf("overlaps: %w", err)
	}
	return subject, FindOverlaps(g, subject, candidates, on), nil
}

// SynergyQuery scopes a synergy search. Empty fields do not restrict.
type SynergyQuery struct {
	// Territory: both projects work in it (InTerritory).
	Territory string
	// Theme: at least one of the two addresses it.
	Theme string
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
	g, err := a.Store.TerritoryGraph(ctx)
	if err != nil {
		return nil, fmt.Errorf("synergies: %w", err)
	}
	pq := ProfileQuery{}
	if q.Territory != "" {
		pq.Territories = g.Related(q.Territory)
	} else {
		pq.All = true
	}
	projects, err := a.Store.Profiles(ctx, pq)
	if err != nil {
		return nil, fmt.Errorf("synergies: %w", err)
	}
	functions, err := a.terms(ctx, KindFunction)
	if err != nil {
		return nil, err
	}
	byID := map[string]*Term{}
	for _, f := range functions {
		byID[f.ID] = f
	}
	var scoped []*ProjectProfile
	for _, p := range projects {
		if q.Territory == "" || InTerritory(g, q.Territory, p, q.On) {
			scoped = append(scoped, p)
		}
	}
	keep := func(x, y *ProjectProfile) bool {
		return q.Theme == "" || contains(x.Themes, q.Theme) || contains(y.Themes, q.Theme)
	}
	return RankSynergies(g, scoped, byID, q.On, keep, q.First), nil
}

// Gaps returns the gap report of a territory. ENOTFOUND for an unknown one.
func (a *Analyst) Gaps(ctx context.Context, territory string, on Date) (*GapReport, error) {
	if err := a.mustExist(ctx, "territory", territory, KindTerritory); err != nil {
		return nil, err
	}
	g, err := a.Store.TerritoryGraph(ctx)
	if err != nil {
		return nil, fmt.Errorf("gaps: %w", err)
	}
	var candidates []string
	for t := range g.Descendants(territory) {
		candidates = append(candidates, t)
	}
	for t := range g.Ancestors(territory) {
		candidates = append(candidates, t)
	}
	projects, err := a.Store.Profiles(ctx, ProfileQuery{Territories: candidates})
	if err != nil {
		return nil, fmt.Errorf("gaps: %w", err)
	}
	functions, err := a.terms(ctx, KindFunction)
	if err != nil {
		return nil, err
	}
	themes, err := a.terms(ctx, KindTheme)
	if err != nil {
		return nil, err
	}
	return FindGaps(g, territory, projects, functions, themes, on), nil
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
	ps, err := a.Store.Profiles(ctx, ProfileQuery{IDs: []string{id}})
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
