package buurtnet

import (
	"context"
	"slices"
	"sort"
)

// NetworkScope is the part of the partnership graph a network question
// looks at: the projects working in Territory (the InTerritory rule), on a
// day and/or during a period, and the participations running then.
type NetworkScope struct {
	// Territory, when empty, keeps the projects of every territory.
	Territory string
	On        Date
	Period    Period
}

// Validate checks the scope's own fields.
func (s NetworkScope) Validate() error {
	if s.Territory != "" {
		if err := ValidateID("territory", s.Territory, KindTerritory); err != nil {
			return err
		}
	}
	return s.Period.Validate("period")
}

// Limits on the graphs the network questions hand to the graph library.
// Past these sizes a question could not finish within a request, so it is
// refused before it starts.
const (
	// MaxNetworkProjects bounds the projects of one scope.
	MaxNetworkProjects = 6000
	// MaxNetworkParticipations bounds the organisation–project links.
	MaxNetworkParticipations = 100000
	// MaxNetworkFirst bounds every list a network question returns.
	MaxNetworkFirst = 100
	// MaxProjectionLinks bounds the organisation–organisation graph
	// (pairs of organisations sharing a project) that brokers, clusters
	// and bridges walk: the regional tier has 462,000 such pairs; a single
	// project of 1,500 partners would have more than a million.
	MaxProjectionLinks = 1_000_000
	// MaxIntroductions bounds the chains one introduction question returns:
	// Yen's algorithm runs a shortest-path search per step of every chain
	// found, about 17 ms each on the regional tier.
	MaxIntroductions = 10
	// MaxIntroductionLength bounds an introduction chain, in projects.
	MaxIntroductionLength = 6
)

// PartnershipNetwork is the snapshot a network question works on: the
// projects in scope, the organisations taking part in them while the scope
// runs, and who takes part in what. Everything is sorted by id, so every
// answer derived from it is the same whatever store it came from.
type PartnershipNetwork struct {
	Scope    NetworkScope
	Projects []*ProjectProfile
	// Organisations are the participants in scope plus those present in the
	// territory (LOCATED_IN / SERVES), by id.
	Organisations map[string]*Organisation
	// partners: project id → organisation ids; projectsOf: the reverse.
	partners, projectsOf map[string][]string
	// orgIDs are the participating organisations, sorted.
	orgIDs []string
	// present are the organisations located in or serving the territory.
	present []string
}

// NewPartnershipNetwork keeps, of the candidate profiles, the projects in
// scope and their participations running in scope. The organisations are
// added with AddOrganisations.
func NewPartnershipNetwork(g *TerritoryGraph, scope NetworkScope, candidates []*ProjectProfile) *PartnershipNetwork {
	n := &PartnershipNetwork{Scope: scope, Organisations: map[string]*Organisation{}, partners: map[string][]string{}, projectsOf: map[string][]string{}}
	x := g.mustIndex()
	for _, p := range candidates {
		if scope.Territory != "" && !inTerritory(x, scope.Territory, p, scope.On, scope.Period) {
			continue
		}
		if scope.Territory == "" && !runs(p.Project.Period, scope) {
			continue
		}
		n.Projects = append(n.Projects, p)
		seen := map[string]bool{}
		for _, l := range p.Participants {
			if seen[l.From] || !participates(p.Project.Period, l, scope) {
				continue
			}
			seen[l.From] = true
			n.partners[p.Project.ID] = append(n.partners[p.Project.ID], l.From)
			n.projectsOf[l.From] = append(n.projectsOf[l.From], p.Project.ID)
		}
	}
	sort.Slice(n.Projects, func(i, j int) bool { return n.Projects[i].Project.ID < n.Projects[j].Project.ID })
	for id, ps := range n.projectsOf {
		sort.Strings(ps)
		n.orgIDs = append(n.orgIDs, id)
	}
	for _, os := range n.partners {
		sort.Strings(os)
	}
	sort.Strings(n.orgIDs)
	return n
}

// AddOrganisations gives the network the organisations it describes: orgs
// should hold every participant (a missing one counts without sectors or
// language); present lists the organisations located in or serving the
// territory.
func (n *PartnershipNetwork) AddOrganisations(orgs []*Organisation, present []string) {
	for _, o := range orgs {
		n.Organisations[o.ID] = o
	}
	n.present = append(n.present, present...)
	sort.Strings(n.present)
}

// runs reports whether a period shares days with the scope.
func runs(p Period, scope NetworkScope) bool {
	r, ok := p.Intersect(scope.Period)
	return ok && (scope.On.IsZero() || r.Contains(scope.On))
}

// participates: a participation counts for the days both it and its project
// run, and only when those days meet the scope.
func participates(project Period, l *Link, scope NetworkScope) bool {
	r, ok := project.Intersect(l.Period)
	return ok && runs(r, scope)
}

// Partners returns the organisations taking part in project id in scope.
func (n *PartnershipNetwork) Partners(project string) []string { return n.partners[project] }

// ProjectsOf returns the projects organisation id takes part in, in scope.
func (n *PartnershipNetwork) ProjectsOf(org string) []string { return n.projectsOf[org] }

// Participants returns the organisations taking part in a project in scope.
func (n *PartnershipNetwork) Participants() []string { return n.orgIDs }

// Participations counts the organisation–project links in scope.
func (n *PartnershipNetwork) Participations() int {
	c := 0
	for _, os := range n.partners {
		c += len(os)
	}
	return c
}

// CheckSize refuses a scope too large to analyse within a request.
func (n *PartnershipNetwork) CheckSize() error {
	if len(n.Projects) > MaxNetworkProjects || n.Participations() > MaxNetworkParticipations {
		return FieldError(EINVALID, "territory",
			"the network in scope is too large to analyse in one request (%d projects, %d participations; the limits are %d and %d): choose a smaller territory or a period",
			len(n.Projects), n.Participations(), MaxNetworkProjects, MaxNetworkParticipations)
	}
	return nil
}

// coPartners returns, for organisation id, the other organisations it shares
// a project with in scope and how many projects they share, sorted by id.
func (n *PartnershipNetwork) coPartners(id string) ([]string, map[string]int) {
	shared := map[string]int{}
	for _, p := range n.projectsOf[id] {
		for _, o := range n.partners[p] {
			if o != id {
				shared[o]++
			}
		}
	}
	out := make([]string, 0, len(shared))
	for o := range shared {
		out = append(out, o)
	}
	sort.Strings(out)
	return out, shared
}

// sectorsOf returns an organisation's sectors (none when unknown).
func (n *PartnershipNetwork) sectorsOf(id string) []Sector {
	if o := n.Organisations[id]; o != nil {
		return o.Sectors
	}
	return nil
}

// communityOf returns an organisation's language community ("" when unknown).
func (n *PartnershipNetwork) communityOf(id string) LanguageCommunity {
	if o := n.Organisations[id]; o != nil {
		return o.LanguageCommunity
	}
	return ""
}

// bipartite returns the organisation–project graph: organisations are nodes
// 0…len(orgIDs)-1 in id order, projects follow in id order.
func (n *PartnershipNetwork) bipartite() (*idGraph, []string) {
	ids := append(append([]string(nil), n.orgIDs...), projectIDs(n.Projects)...)
	index := indexOf(ids)
	b := newIDGraph(len(ids))
	for _, p := range n.Projects {
		for _, o := range n.partners[p.Project.ID] {
			b.add(index[o], index[p.Project.ID], 1)
		}
	}
	b.finish()
	return b, ids
}

// projection returns the organisation–organisation graph: two organisations
// are linked when they share a project in scope, weighted by how many.
// EINVALID when it has more than MaxProjectionLinks links.
func (n *PartnershipNetwork) projection(ctx context.Context) (*idGraph, []string, error) {
	index := indexOf(n.orgIDs)
	partners := make([][]int32, len(n.Projects))
	projectsOf := make([][]int32, len(n.orgIDs))
	for p, pp := range n.Projects {
		for _, o := range n.partners[pp.Project.ID] {
			partners[p] = append(partners[p], index[o])
			projectsOf[index[o]] = append(projectsOf[index[o]], int32(p))
		}
	}
	b := newIDGraph(len(n.orgIDs))
	// shared[j] counts the projects organisation i shares with j > i; seen
	// lists the js counted, so that the counts are reset in their number.
	shared := make([]int32, len(n.orgIDs))
	var seen []int32
	for i := range int32(len(n.orgIDs)) {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, timeout(err)
			}
		}
		for _, p := range projectsOf[i] {
			for _, j := range partners[p] {
				if j > i {
					if shared[j] == 0 {
						seen = append(seen, j)
					}
					shared[j]++
				}
			}
		}
		if len(b.xs)+len(seen) > MaxProjectionLinks {
			return nil, nil, FieldError(EINVALID, "territory",
				"the network in scope is too large to analyse in one request (more than %d pairs of organisations sharing a project, %d organisations, %d projects): choose a smaller territory or a period",
				MaxProjectionLinks, len(n.orgIDs), len(n.Projects))
		}
		slices.Sort(seen)
		for _, j := range seen {
			b.add(i, j, float64(shared[j]))
			shared[j] = 0
		}
		seen = seen[:0]
	}
	b.finish()
	return b, n.orgIDs, nil
}

func projectIDs(ps []*ProjectProfile) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Project.ID
	}
	return out
}

func indexOf(ids []string) map[string]int32 {
	m := make(map[string]int32, len(ids))
	for i, id := range ids {
		m[id] = int32(i)
	}
	return m
}
