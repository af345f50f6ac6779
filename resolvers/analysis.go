package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
)

// Helpers of the network-analysis fields (schema "network analysis"); the
// generated resolvers call these in one line.

// scope turns the common arguments into a network scope.
func scope(territory *string, on *buurtnet.Date, period *buurtnet.Period) buurtnet.NetworkScope {
	return buurtnet.NetworkScope{Territory: derefString(territory), On: deref(on), Period: deref(period)}
}

func (r *Resolver) brokers(ctx context.Context, territory string, on *buurtnet.Date, period *buurtnet.Period, first *int) ([]*buurtnet.Broker, error) {
	return r.Analyst.Brokers(ctx, scope(&territory, on, period), deref(first))
}

func (r *Resolver) clusters(ctx context.Context, territory string, on *buurtnet.Date, period *buurtnet.Period, first *int) (*buurtnet.ClusterReport, error) {
	return r.Analyst.Clusters(ctx, scope(&territory, on, period), deref(first))
}

func (r *Resolver) isolation(ctx context.Context, territory string, on *buurtnet.Date, period *buurtnet.Period, first *int) (*buurtnet.IsolationReport, error) {
	return r.Analyst.Isolation(ctx, scope(&territory, on, period), deref(first))
}

func (r *Resolver) introductions(ctx context.Context, from, to string, territory *string, on *buurtnet.Date, period *buurtnet.Period, maxLength, first *int) ([]*buurtnet.Introduction, error) {
	return r.Analyst.Introductions(ctx, from, to, scope(territory, on, period), deref(maxLength), deref(first))
}

func (r *Resolver) bridges(ctx context.Context, territory string, across buurtnet.Divide, on *buurtnet.Date, period *buurtnet.Period, first *int) (*buurtnet.BridgeReport, error) {
	return r.Analyst.Bridges(ctx, scope(&territory, on, period), across, deref(first))
}

// figureMessage reads a broker's figure out in the language asked for.
func figureMessage(ctx context.Context, e *buurtnet.BrokerExplanation, lang *model.Language) (string, error) {
	o, err := nodesOf[*buurtnet.Organisation](ctx, []string{e.Broker.Organisation})
	if err != nil {
		return "", err
	}
	names := map[string]buurtnet.Text{}
	for _, n := range o {
		names[n.ID] = n.Name
	}
	return e.Broker.Sentence(e.Figure, language(ctx, lang), names), nil
}
