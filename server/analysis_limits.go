package server

import (
	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph"
)

// Costs of the network-analysis fields. Each builds and walks the whole
// partnership graph of its scope, whatever it returns, so each starts from
// a fixed high base (brokers, which run Brandes twice, the highest); the
// items it returns are counted on top like any list. The size of the graph
// is only known once the scope is fetched: the domain bounds it then
// (buurtnet.MaxNetworkProjects, MaxBrokerWork) and refuses what is larger.
const (
	networkBaseCost = 1000
	brokersBaseCost = 3000
)

// networkComplexity sets the costs of the network-analysis fields.
func networkComplexity(c *graph.ComplexityRoot) {
	c.Query.Brokers = func(child int, _ string, _ *buurtnet.Date, _ *buurtnet.Period, first *int) int {
		return brokersBaseCost + listCost(child, first, 20)
	}
	c.Query.Clusters = func(child int, _ string, _ *buurtnet.Date, _ *buurtnet.Period, first *int) int {
		return networkBaseCost + listCost(child, first, 20)
	}
	c.Query.Isolation = func(child int, _ string, _ *buurtnet.Date, _ *buurtnet.Period, first *int) int {
		return networkBaseCost + listCost(child, first, 100)
	}
	c.Query.Uninvolved = func(child int, _ string, _ *buurtnet.Date, _ *buurtnet.Period, first *int) int {
		return networkBaseCost + listCost(child, first, 100)
	}
	c.Query.Introductions = func(child int, _, _ string, _ *string, _ *buurtnet.Date, _ *buurtnet.Period, _ *int, first *int) int {
		return networkBaseCost + listCost(child, first, 5)
	}
	c.Query.Bridges = func(child int, _ string, _ buurtnet.Divide, _ *buurtnet.Date, _ *buurtnet.Period, first *int) int {
		return networkBaseCost + listCost(child, first, 20)
	}
}
