package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph"
)

// Costs of the network-analysis fields. Each builds and walks the whole
// partnership graph of its scope, whatever it returns, so each starts from
// a fixed base (brokers, which count betweenness on two graphs, the
// highest) and the items it returns are counted on top like any list
// (networkComplexity). The graph's size is then added by networkCosted,
// once the territory is known: one point per participationsPerPoint
// organisation–project links in scope, so that a region's question costs
// about what several municipalities' do and an operation holds at most a
// couple of them.
const (
	networkBaseCost        = 1000
	brokersBaseCost        = 3000
	participationsPerPoint = 10
)

// networkComplexity sets the costs of the network-analysis fields before
// their scope is known.
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

// networkFields are the root fields whose cost grows with their scope.
var networkFields = map[string]bool{"brokers": true, "clusters": true, "isolation": true, "introductions": true, "bridges": true}

// networkCosted adds to the cost of each network question the size of the
// graph in its scope. gqlgen's per-field cost functions see the arguments
// only; the schema's Complexity sees the request's context too, so the
// size can be measured there: the Analyst reads the territory graph and
// the profiles the question then reads again from its caches.
type networkCosted struct {
	graphql.ExecutableSchema
	analyst *buurtnet.Analyst
}

func (s networkCosted) Complexity(ctx context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	cost, ok := s.ExecutableSchema.Complexity(ctx, typeName, field, child, args)
	if !ok || typeName != "Query" || !networkFields[field] {
		return cost, ok
	}
	size, err := s.analyst.NetworkSize(ctx, networkScope(args))
	if err != nil {
		// The question itself reports the error (an unknown territory,
		// a bad date) with its field; the base cost stands meanwhile.
		return cost, ok
	}
	return cost + size.Participations/participationsPerPoint, true
}

// networkScope reads a network question's scope from its raw arguments.
// An argument that does not parse is left out, which can only widen the
// scope: the question refuses it itself.
func networkScope(args map[string]any) buurtnet.NetworkScope {
	var scope buurtnet.NetworkScope
	scope.Territory, _ = args["territory"].(string)
	if v, ok := args["on"]; ok && v != nil {
		_ = scope.On.UnmarshalGQL(v)
	}
	if p, ok := args["period"].(map[string]any); ok {
		for key, d := range map[string]*buurtnet.Date{"start": &scope.Period.Start, "end": &scope.Period.End} {
			if v, ok := p[key]; ok && v != nil {
				_ = d.UnmarshalGQL(v)
			}
		}
	}
	return scope
}
