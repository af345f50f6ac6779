package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
)

// participationViews gives PARTICIPATES_IN links the shape the API writes
// out, with the organisations and projects at their ends read in one batch
// each (see model.Participation).
func participationViews(ctx context.Context, links []*buurtnet.Link) ([]*model.Participation, error) {
	orgs, err := ends[*buurtnet.Organisation](ctx, links, from)
	if err != nil {
		return nil, err
	}
	projects, err := ends[*buurtnet.Project](ctx, links, to)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Participation, len(links))
	for i, l := range links {
		out[i] = &model.Participation{Link: l, Organisation: orgs[l.From], Project: projects[l.To]}
	}
	return out, nil
}

// projectTerritoryViews is participationViews for ACTIVE_IN links.
func projectTerritoryViews(ctx context.Context, links []*buurtnet.Link) ([]*model.ProjectTerritory, error) {
	projects, err := ends[*buurtnet.Project](ctx, links, from)
	if err != nil {
		return nil, err
	}
	territories, err := ends[*buurtnet.Territory](ctx, links, to)
	if err != nil {
		return nil, err
	}
	out := make([]*model.ProjectTerritory, len(links))
	for i, l := range links {
		out[i] = &model.ProjectTerritory{Link: l, Project: projects[l.From], Territory: territories[l.To]}
	}
	return out, nil
}

// fundingViews is participationViews for FUNDS links.
func fundingViews(ctx context.Context, links []*buurtnet.Link) ([]*model.Funding, error) {
	funders, err := ends[*buurtnet.Funder](ctx, links, from)
	if err != nil {
		return nil, err
	}
	projects, err := ends[*buurtnet.Project](ctx, links, to)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Funding, len(links))
	for i, l := range links {
		out[i] = &model.Funding{Link: l, Funder: funders[l.From], Project: projects[l.To]}
	}
	return out, nil
}

func from(l *buurtnet.Link) string { return l.From }
func to(l *buurtnet.Link) string   { return l.To }

// ends reads the entities at one end of links, in one batch, by id. An end
// that is missing, or of another type, is ENOTFOUND, as the field that
// used to read it alone answered.
func ends[T buurtnet.Node](ctx context.Context, links []*buurtnet.Link, end func(*buurtnet.Link) string) (map[string]T, error) {
	seen := make(map[string]bool, len(links))
	var ids []string
	for _, l := range links {
		if id := end(l); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
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
