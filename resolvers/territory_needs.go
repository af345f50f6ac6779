package resolvers

import (
	"context"
	"sort"

	"github.com/buurtnet/buurtnet"
)

// What a territory needs and who is there: its priorities, the crosswalk
// between the two lists of functions, partial presence in gap reports, and
// the organisations present but not yet involved.

// priorities returns a territory's PRIORITISES and PRIORITISES_GROUP links,
// themes first, each kind by id.
func priorities(ctx context.Context, territory string) ([]*buurtnet.Link, error) {
	var out []*buurtnet.Link
	for _, k := range []buurtnet.LinkKind{buurtnet.LinkPrioritises, buurtnet.LinkPrioritisesGroup} {
		ls, err := linksOf(ctx, k, Outgoing, territory)
		if err != nil {
			return nil, err
		}
		sorted := append([]*buurtnet.Link(nil), ls...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i].To < sorted[j].To })
		out = append(out, sorted...)
	}
	return out, nil
}

// priorityTheme is the theme of a PRIORITISES link, nil for a target group.
func priorityTheme(ctx context.Context, l *buurtnet.Link) (*buurtnet.Theme, error) {
	if l.Kind != buurtnet.LinkPrioritises {
		return nil, nil
	}
	return nodeAs[*buurtnet.Theme](ctx, l.To)
}

// priorityTargetGroup is the target group of a PRIORITISES_GROUP link, nil
// for a theme.
func priorityTargetGroup(ctx context.Context, l *buurtnet.Link) (*buurtnet.TargetGroup, error) {
	if l.Kind != buurtnet.LinkPrioritisesGroup {
		return nil, nil
	}
	return nodeAs[*buurtnet.TargetGroup](ctx, l.To)
}

// correspondsTo returns the functions of the other framework a function
// corresponds to.
func correspondsTo(ctx context.Context, id string) ([]*buurtnet.Function, error) {
	return neighbours[*buurtnet.Function](ctx, buurtnet.LinkCorrespondsTo, Outgoing, id)
}

// sectorOrganisations resolves the organisations of a sector group.
func sectorOrganisations(ctx context.Context, ids []string) ([]*buurtnet.Organisation, error) {
	return nodesOf[*buurtnet.Organisation](ctx, ids)
}

func (r *Resolver) uninvolved(ctx context.Context, territory string, on *buurtnet.Date, period *buurtnet.Period, first *int) (*buurtnet.UninvolvedReport, error) {
	return r.Analyst.Uninvolved(ctx, scope(&territory, on, period), deref(first))
}
