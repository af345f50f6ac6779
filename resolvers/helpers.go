package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
)

// nodeAs loads one entity of a known Go type; ENOTFOUND when it is missing
// or of another kind.
func nodeAs[T buurtnet.Node](ctx context.Context, id string) (T, error) {
	var zero T
	n, err := node(ctx, id)
	if err != nil {
		return zero, err
	}
	t, ok := typed(n).(T)
	if !ok {
		return zero, buurtnet.Errorf(buurtnet.ENOTFOUND, "%q is not a %T", id, zero)
	}
	return t, nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func derefString(p *string) string { return deref(p) }

// set copies a patch value when the client gave one.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
