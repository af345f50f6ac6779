package resolvers

import (
	"context"
	"slices"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
)

// participationViews gives PARTICIPATES_IN links the shape the API writes
// out, with the organisations and projects at their ends read in one batch
// each (see model.Participation).
func participationViews(ctx context.Context, links []*buurtnet.Link) ([]*model.Participation, error) {
	return linkViews(ctx, links, func(l *buurtnet.Link, o *buurtnet.Organisation, p *buurtnet.Project) *model.Participation {
		return &model.Participation{Link: l, Organisation: o, Project: p}
	})
}

// projectTerritoryViews is participationViews for ACTIVE_IN links.
func projectTerritoryViews(ctx context.Context, links []*buurtnet.Link) ([]*model.ProjectTerritory, error) {
	return linkViews(ctx, links, func(l *buurtnet.Link, p *buurtnet.Project, t *buurtnet.Territory) *model.ProjectTerritory {
		return &model.ProjectTerritory{Link: l, Project: p, Territory: t}
	})
}

// fundingViews is participationViews for FUNDS links.
func fundingViews(ctx context.Context, links []*buurtnet.Link) ([]*model.Funding, error) {
	return linkViews(ctx, links, func(l *buurtnet.Link, f *buurtnet.Funder, p *buurtnet.Project) *model.Funding {
		return &model.Funding{Link: l, Funder: f, Project: p}
	})
}

// viewed turns the answer of a read of links into their views:
// viewed(ctx, fundingViews)(linksOf(…)).
func viewed[V any](ctx context.Context, views func(context.Context, []*buurtnet.Link) ([]V, error)) func([]*buurtnet.Link, error) ([]V, error) {
	return func(links []*buurtnet.Link, err error) ([]V, error) {
		if err != nil {
			return nil, err
		}
		return views(ctx, links)
	}
}

// linkViews reads the entities at both ends of links, one batch per end,
// and makes a view of each link with view.
func linkViews[F, T buurtnet.Node, V any](ctx context.Context, links []*buurtnet.Link, view func(*buurtnet.Link, F, T) V) ([]V, error) {
	froms, err := ends[F](ctx, links, func(l *buurtnet.Link) string { return l.From })
	if err != nil {
		return nil, err
	}
	tos, err := ends[T](ctx, links, func(l *buurtnet.Link) string { return l.To })
	if err != nil {
		return nil, err
	}
	out := make([]V, len(links))
	for i, l := range links {
		out[i] = view(l, froms[l.From], tos[l.To])
	}
	return out, nil
}

// ends reads the entities at one end of links, in one batch, by id (see
// nodesByID).
func ends[T buurtnet.Node](ctx context.Context, links []*buurtnet.Link, end func(*buurtnet.Link) string) (map[string]T, error) {
	ids := make([]string, len(links))
	for i, l := range links {
		ids[i] = end(l)
	}
	return nodesByID[T](ctx, ids)
}

// nodesByID reads the entities of ids in one batch, each once, by id. An
// entity that is missing, or of another type, is ENOTFOUND, as the field
// that used to read it alone answered.
func nodesByID[T buurtnet.Node](ctx context.Context, ids []string) (map[string]T, error) {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	nodes, err := nodesOf[T](ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]T, len(nodes))
	for _, n := range nodes {
		byID[n.NodeID()] = n
	}
	for _, id := range ids {
		if _, ok := byID[id]; !ok {
			var zero T
			return nil, buurtnet.Errorf(buurtnet.ENOTFOUND, "%q is not a %T", id, zero)
		}
	}
	return byID, nil
}
