package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
)

// overlapViews gives overlaps the shape the API writes out, with the
// territories of every place read in one batch (see model.Overlap).
func overlapViews(ctx context.Context, overlaps []*buurtnet.Overlap) ([]*model.Overlap, error) {
	var ids []string
	for _, ov := range overlaps {
		for _, p := range ov.Places {
			ids = append(ids, p.Territory, p.OtherTerritory)
		}
	}
	territories, err := nodesByID[*buurtnet.Territory](ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Overlap, len(overlaps))
	for i, ov := range overlaps {
		view := &model.Overlap{Overlap: ov, OtherProject: ov.Project.Project, Places: make([]*model.OverlapPlace, len(ov.Places))}
		for j, p := range ov.Places {
			place := &model.OverlapPlace{Place: p}
			place.SubjectTerritory, place.OtherTerritoryNode = territories[p.Territory], territories[p.OtherTerritory]
			view.Places[j] = place
		}
		out[i] = view
	}
	return out, nil
}

// overlapView is overlapViews for one overlap.
func overlapView(ctx context.Context, ov *buurtnet.Overlap) (*model.Overlap, error) {
	views, err := overlapViews(ctx, []*buurtnet.Overlap{ov})
	if err != nil {
		return nil, err
	}
	return views[0], nil
}
