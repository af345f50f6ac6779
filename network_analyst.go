package buurtnet

import (
	"context"
	"fmt"
)

// Network questions of the Analyst: each fetches one snapshot of the scope
// (a territory graph, the candidate profiles, the participants in one
// batch) and hands it to the rules in brokers.go, clusters.go, isolated.go,
// introductions.go and bridges.go.

// Brokers ranks the organisations of a scope by betweenness (FindBrokers).
func (a *Analyst) Brokers(ctx context.Context, scope NetworkScope, first int) ([]*Broker, error) {
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	n, err := a.PartnershipNetwork(ctx, scope, false)
	if err != nil {
		return nil, err
	}
	return FindBrokers(ctx, n, first)
}

// Clusters divides the organisations of a scope into communities.
func (a *Analyst) Clusters(ctx context.Context, scope NetworkScope, first int) (*ClusterReport, error) {
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	n, err := a.PartnershipNetwork(ctx, scope, false)
	if err != nil {
		return nil, err
	}
	return FindClusters(ctx, n, first)
}

// Isolation lists the isolated and peripheral projects of a scope, and the
// organisations present in its territory but in none of its projects; each
// list holds at most first (all when 0).
func (a *Analyst) Isolation(ctx context.Context, scope NetworkScope, first int) (*IsolationReport, error) {
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	n, err := a.PartnershipNetwork(ctx, scope, true)
	if err != nil {
		return nil, err
	}
	if err := n.CheckSize(); err != nil {
		return nil, err
	}
	r := FindIsolated(n)
	for _, l := range []*[]string{&r.IsolatedProjects, &r.PeripheralProjects, &r.AbsentOrganisations} {
		if first > 0 && len(*l) > first {
			*l = (*l)[:first]
		}
	}
	return r, nil
}

// Introductions returns the chains of shared projects from one organisation
// to another (FindIntroductions). ENOTFOUND for an unknown organisation.
func (a *Analyst) Introductions(ctx context.Context, from, to string, scope NetworkScope, maxLength, first int) ([]*Introduction, error) {
	if first < 1 || first > MaxIntroductions {
		return nil, FieldError(EINVALID, "first", "first must be between 1 and %d chains", MaxIntroductions)
	}
	if maxLength < 1 || maxLength > MaxIntroductionLength {
		return nil, FieldError(EINVALID, "maxLength", "maxLength must be between 1 and %d projects", MaxIntroductionLength)
	}
	if from == to {
		return nil, FieldError(EINVALID, "to", "an organisation needs no introduction to itself")
	}
	for field, id := range map[string]string{"from": from, "to": to} {
		if err := a.mustExist(ctx, field, id, KindOrganisation); err != nil {
			return nil, err
		}
	}
	n, err := a.PartnershipNetwork(ctx, scope, false)
	if err != nil {
		return nil, err
	}
	return FindIntroductions(ctx, n, from, to, maxLength, first)
}

// Bridges finds the organisations and projects of a scope that connect
// both sides of a divide (FindBridges).
func (a *Analyst) Bridges(ctx context.Context, scope NetworkScope, d Divide, first int) (*BridgeReport, error) {
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	n, err := a.PartnershipNetwork(ctx, scope, false)
	if err != nil {
		return nil, err
	}
	return FindBridges(ctx, n, d, first)
}

func checkFirst(first int) error {
	if first < 0 || first > MaxNetworkFirst {
		return FieldError(EINVALID, "first", "first must be between 0 and %d", MaxNetworkFirst)
	}
	return nil
}

// PartnershipNetwork fetches the snapshot of a scope: the projects that
// could work in the territory (or all), the organisations taking part, and
// with present the organisations located in or serving the territory.
func (a *Analyst) PartnershipNetwork(ctx context.Context, scope NetworkScope, present bool) (*PartnershipNetwork, error) {
	n, err := a.scopeNetwork(ctx, scope)
	if err != nil {
		return nil, err
	}
	if err := n.CheckSize(); err != nil {
		return nil, err
	}
	ids := n.Participants()
	var presentIDs []string
	if present && scope.Territory != "" {
		nodes, _, err := a.Store.Find(ctx, NodeFilter{Kind: KindOrganisation, Territory: scope.Territory})
		if err != nil {
			return nil, fmt.Errorf("network: organisations present: %w", err)
		}
		for _, node := range nodes {
			presentIDs = append(presentIDs, node.NodeID())
		}
	}
	nodes, err := a.Store.Nodes(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("network: organisations: %w", err)
	}
	orgs := make([]*Organisation, 0, len(nodes))
	for _, node := range nodes {
		if o, ok := node.(*Organisation); ok {
			orgs = append(orgs, o)
		}
	}
	n.AddOrganisations(orgs, presentIDs)
	return n, nil
}

// scopeNetwork is the snapshot of a scope before its organisations are
// fetched: the projects in scope and who takes part in them.
func (a *Analyst) scopeNetwork(ctx context.Context, scope NetworkScope) (*PartnershipNetwork, error) {
	if err := scope.Validate(); err != nil {
		return nil, err
	}
	if scope.Territory != "" {
		if err := a.mustExist(ctx, "territory", scope.Territory, KindTerritory); err != nil {
			return nil, err
		}
	}
	ctx, err := a.pinRevision(ctx)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	g, err := a.territoryGraph(ctx)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	var candidates []*ProjectProfile
	if scope.Territory != "" {
		candidates, err = a.candidatesIn(ctx, g, scope.Territory)
	} else {
		candidates, err = a.profiles(ctx, ProfileQuery{All: true})
	}
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	return NewPartnershipNetwork(g, scope, candidates), nil
}

// NetworkSize is the size of the partnership graph of a scope, which the
// work of every network question grows with.
type NetworkSize struct {
	Projects, Organisations, Participations int
}

// NetworkSize measures the graph of a scope, for the cost of a question
// before it is asked. It reads what the question then reads (the
// territory graph and the profiles, which the Analyst keeps for the
// store's revision), but not the organisations. The errors are those of
// PartnershipNetwork.
func (a *Analyst) NetworkSize(ctx context.Context, scope NetworkScope) (NetworkSize, error) {
	n, err := a.scopeNetwork(ctx, scope)
	if err != nil {
		return NetworkSize{}, err
	}
	return NetworkSize{Projects: len(n.Projects), Organisations: len(n.orgIDs), Participations: n.Participations()}, nil
}
