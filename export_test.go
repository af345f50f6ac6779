package buurtnet

import "context"

// FindBrokersWithin is FindBrokers with another work budget per component
// (see BrandesWork), for tests that compare the estimate with the exact
// count on one graph.
func FindBrokersWithin(ctx context.Context, n *PartnershipNetwork, first, work, minPivots int) ([]*Broker, error) {
	return findBrokers(ctx, n, first, budget{work: work, minPivots: minPivots})
}
