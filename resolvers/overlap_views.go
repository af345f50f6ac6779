package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
)

// overlapViews gives overlaps the shape the API writes out, with the
// territories of every place read in one batch (see model.Overlap).
func overlapViews(ctx context.Context, overlaps []*buurtnet.Overlap) ([]*model.Overlap, error) {
	seen := map[string]bool{}
	var ids []string
	for _, ov := range overlaps {
		for _, p := range ov.Places {
			for _, id := range [2]string{p.Territory, p.OtherTerritory} {
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
	}
	territories, err := nodesOf[*buurtnet.Territory](ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*buurtnet.Territory, len(territories))
	for _, t := range territories {
		byID[t.ID] = t
	}
	territory := func(id string) (*buurtnet.Territory, error) {
		if t, ok := byID[id]; ok {
			return t, nil
		}
		return nil, buurtnet.Errorf(buurtnet.ENOTFOUND, "territory %q not found", id)
	}
	out := make([]*model.Overlap, len(overlaps))
	for i, ov := range overlaps {
		view := &model.Overlap{Overlap: ov, OtherProject: ov.Project.Project, Places: make([]*model.OverlapPlace, len(ov.Places))}
		for j, p := range ov.Places {
			place := &model.OverlapPlace{Place: p}
			if place.SubjectTerritory, err = territory(p.Territory); err != nil {
				return nil, err
			}
			if place.OtherTerritoryNode, err = territory(p.OtherTerritory); err != nil {
				return nil, err
			}
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
