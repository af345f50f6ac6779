package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
)

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
