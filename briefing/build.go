package briefing

import (
	"context"
	"fmt"
	"sort"

	"github.com/buurtnet/buurtnet"
)

// TopSynergies is how many synergies a briefing lists: a meeting can discuss
// about ten, not fifty.
const TopSynergies = 10

// Build computes the briefing for a scope. Which projects are in scope, how
// they overlap, which pairs are synergies and what the gaps are all come
// from buurtnet.Analyst, so a briefing agrees with the API by construction;
// the store is read directly only for names and collaboration links.
// Errors are *buurtnet.Error: EINVALID for a malformed scope, ENOTFOUND for
// an unknown territory or theme (Field says which), EUNAVAILABLE when the
// store cannot be reached.
func Build(ctx context.Context, store buurtnet.Store, s Scope) (*Briefing, error) {
	if err := s.Normalize(); err != nil {
		return nil, err
	}
	a := &buurtnet.Analyst{Store: store}
	report, err := a.Gaps(ctx, s.Territory, s.On)
	if err != nil {
		return nil, err
	}
	synergies, err := a.Synergies(ctx, buurtnet.SynergyQuery{Territory: s.Territory, Theme: s.Theme, On: s.On, First: TopSynergies})
	if err != nil {
		return nil, err
	}
	var history []*buurtnet.ProjectProfile
	if !s.Since.IsZero() {
		// A project that ended between the two meetings no longer runs on the
		// meeting day, so the changes are looked for without that restriction.
		all, err := a.Gaps(ctx, s.Territory, buurtnet.Date{})
		if err != nil {
			return nil, err
		}
		history = addressing(all.Projects, s.Theme)
	}

	network, err := askNetwork(ctx, a, s.Territory, s.On)
	if err != nil {
		return nil, err
	}

	n := newNames(s.Lang)
	network.need(n)
	n.need(s.Territory, s.Theme)
	for _, p := range report.Projects {
		n.profile(p)
	}
	for _, p := range report.PartlyPresent {
		n.need(p.Project.Project.ID)
	}
	for _, sy := range synergies {
		n.profile(sy.A)
		n.profile(sy.B)
	}
	for _, p := range history {
		n.profile(p)
	}
	if err := n.load(ctx, store); err != nil {
		return nil, err
	}

	b := &Briefing{Lang: s.Lang, Territory: n.ref(s.Territory), Theme: n.ref(s.Theme), On: s.On, Made: s.Today}
	projects := addressing(report.Projects, s.Theme)
	sortProfiles(projects, n)
	if err := b.addProjects(ctx, a, n, projects, s.On); err != nil {
		return nil, err
	}
	b.Synergies = n.synergies(synergies)
	b.Gaps = n.gaps(report)
	b.Network = n.network(network)
	b.Participants = n.participants(projects)
	if !s.Since.IsZero() {
		b.Since, b.Until = s.Since, s.Until()
		collaborations, err := store.Links(ctx, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkCollaboratesWith}, From: ids(history)})
		if err != nil {
			return nil, fmt.Errorf("briefing: collaborations: %w", err)
		}
		b.Changes = n.changes(history, collaborations, s.Since, s.Until())
	}
	b.fillEmpty()
	return b, nil
}

// addProjects fills the per-project parts: the project, its funding, its
// stakeholder map, and its overlaps with the other projects in scope (each
// pair once, seen from the project that comes first).
func (b *Briefing) addProjects(ctx context.Context, a *buurtnet.Analyst, n *names, projects []*buurtnet.ProjectProfile, on buurtnet.Date) error {
	inScope := map[string]bool{}
	for _, p := range projects {
		inScope[p.Project.ID] = true
	}
	seen := map[[2]string]bool{}
	for _, p := range projects {
		id := p.Project.ID
		b.Projects = append(b.Projects, n.project(p))
		b.Funding = append(b.Funding, n.fundings(p)...)
		m, err := a.StakeholderMap(ctx, id)
		if err != nil {
			return err
		}
		b.Stakeholders = append(b.Stakeholders, n.stakeholders(m))
		_, overlaps, err := a.Overlaps(ctx, id, on)
		if err != nil {
			return err
		}
		for _, ov := range overlaps {
			other := ov.Project.Project.ID
			pair := [2]string{min(id, other), max(id, other)}
			if !inScope[other] || seen[pair] {
				continue
			}
			seen[pair] = true
			b.Overlaps = append(b.Overlaps, n.overlap(p, ov))
		}
	}
	return nil
}

// addressing keeps the projects that address theme (all when theme is empty).
func addressing(ps []*buurtnet.ProjectProfile, theme string) []*buurtnet.ProjectProfile {
	var out []*buurtnet.ProjectProfile
	for _, p := range ps {
		if theme == "" || hasString(p.Themes, theme) {
			out = append(out, p)
		}
	}
	return out
}

func sortProfiles(ps []*buurtnet.ProjectProfile, n *names) {
	sort.SliceStable(ps, func(i, j int) bool { return lessRef(n.ref(ps[i].Project.ID), n.ref(ps[j].Project.ID)) })
}

func ids(ps []*buurtnet.ProjectProfile) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Project.ID)
	}
	return out
}

func hasString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// fillEmpty turns nil lists into empty ones, so that JSON readers see [] and
// not null for "none".
func (b *Briefing) fillEmpty() {
	if b.Projects == nil {
		b.Projects = []Project{}
	}
	if b.Funding == nil {
		b.Funding = []Funding{}
	}
	if b.Stakeholders == nil {
		b.Stakeholders = []StakeholderMap{}
	}
	if b.Overlaps == nil {
		b.Overlaps = []Overlap{}
	}
	if b.Synergies == nil {
		b.Synergies = []Synergy{}
	}
	if b.Participants == nil {
		b.Participants = []Participant{}
	}
	if b.Changes == nil {
		b.Changes = []Change{}
	}
}
