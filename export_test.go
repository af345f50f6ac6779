package buurtnet

import (
	"context"
	"math/rand/v2"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
)

// FindBrokersWithin is FindBrokers with another work budget per component
// (see BrandesWork), for tests that compare the estimate with the exact
// count on one graph.
func FindBrokersWithin(ctx context.Context, n *PartnershipNetwork, first, work, minPivots int) ([]*Broker, error) {
	return findBrokers(ctx, n, first, budget{work: work, minPivots: minPivots})
}

// GonumBetweenness counts betweenness on both graphs of n with gonum's
// exact Brandes, and GonumLouvain divides the organisation graph with
// gonum's Louvain and measures its modularity, as brokers and clusters did
// before our own: the references the benchmarks hold ours against.
func GonumBetweenness(ctx context.Context, n *PartnershipNetwork) error {
	bip, _ := n.bipartite()
	proj, _, err := n.projection(ctx)
	if err != nil {
		return err
	}
	network.Betweenness(bip)
	network.Betweenness(proj)
	return nil
}

func GonumLouvain(ctx context.Context, n *PartnershipNetwork) error {
	proj, _, err := n.projection(ctx)
	if err != nil {
		return err
	}
	reduced := community.Modularize(proj, 1, rand.NewPCG(1, 1))
	community.Q(proj, reduced.Communities(), 1)
	return nil
}
