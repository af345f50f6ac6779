package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
)

// maxSynergies bounds synergies(first:); each pair returned is charged.
const maxSynergies = 100

// Helpers of the questions the analyst answers about projects: overlaps,
// synergies, gaps and stakeholder maps (the network analysis is in
// analysis.go).

// overlaps answers the overlaps field: all of them, or the first that
// meet most closely (see page).
func (r *Resolver) overlaps(ctx context.Context, project string, on *buurtnet.Date, first *int) ([]*model.Overlap, error) {
	if err := checkFirst(first); err != nil {
		return nil, err // before the work
	}
	_, overlaps, err := r.Analyst.Overlaps(ctx, project, deref(on))
	if err != nil {
		return nil, err
	}
	if overlaps, err = page(overlaps, first); err != nil {
		return nil, err
	}
	return overlapViews(ctx, overlaps)
}

func (r *Resolver) overlapCount(ctx context.Context, project string, on *buurtnet.Date) (int, error) {
	_, overlaps, err := r.Analyst.Overlaps(ctx, project, deref(on))
	return len(overlaps), err
}

// synergies answers the synergies field: the pairs in scope, of one kind
// when kind is given, at most first (1 to maxSynergies).
func (r *Resolver) synergies(ctx context.Context, territory, theme *string, on *buurtnet.Date, first *int, kind *buurtnet.SynergyKind) ([]*buurtnet.Synergy, error) {
	q := buurtnet.SynergyQuery{Territory: derefString(territory), Theme: derefString(theme), On: deref(on), Kind: deref(kind)}
	if first != nil {
		q.First = *first
	}
	if q.First < 1 || q.First > maxSynergies {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "first", "first must be between 1 and %d", maxSynergies)
	}
	return r.Analyst.Synergies(ctx, q)
}

// reasons lists a synergy's reasons in their order, as the pointers the
// schema's resolvers take.
func reasons(s *buurtnet.Synergy) []*buurtnet.Reason {
	out := make([]*buurtnet.Reason, len(s.Reasons))
	for i := range s.Reasons {
		out[i] = &s.Reasons[i]
	}
	return out
}

// reasonMessage reads a synergy's reason out in the language asked for,
// naming its subjects.
func reasonMessage(ctx context.Context, reason *buurtnet.Reason, lang *model.Language) (string, error) {
	subjects, err := nodesOf[buurtnet.Node](ctx, reason.Subjects)
	if err != nil {
		return "", err
	}
	names := make(map[string]buurtnet.Text, len(subjects))
	for _, n := range subjects {
		names[n.NodeID()] = n.Names()
	}
	return reason.Sentence(language(ctx, lang), names), nil
}

// sectors lists the sectors of a stakeholder group's organisations, each
// once, in the order they first appear.
func sectors(ctx context.Context, g *buurtnet.StakeholderGroup) ([]buurtnet.Sector, error) {
	seen := map[buurtnet.Sector]bool{}
	var out []buurtnet.Sector
	for _, l := range g.Participants {
		o, err := nodeAs[*buurtnet.Organisation](ctx, l.From)
		if err != nil {
			return nil, err
		}
		for _, s := range o.Sectors {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out, nil
}

func profileProjects(ps []*buurtnet.ProjectProfile) []*buurtnet.Project {
	out := make([]*buurtnet.Project, len(ps))
	for i, p := range ps {
		out[i] = p.Project
	}
	return out
}
