package resolvers

import (
	"context"
	"fmt"

	"github.com/buurtnet/buurtnet"
)

// Helpers of the update mutations; the patches they apply are in patches.go.

// update runs a patch through the store's transactional read-modify-write;
// a patch that names the version it edited is refused if the entity moved
// on meanwhile, checked inside the same transaction.
func update[T buurtnet.Node](ctx context.Context, store buurtnet.Store, id string, kind buurtnet.Kind, version *int, apply func(T)) (T, error) {
	var zero T
	if err := buurtnet.ValidateID("id", id, kind); err != nil {
		return zero, err
	}
	n, err := store.UpdateNode(ctx, id, func(n buurtnet.Node) error {
		t, ok := n.(T)
		if !ok {
			return buurtnet.FieldError(buurtnet.EINVALID, "id", "%q is not a %s", id, kind)
		}
		if err := buurtnet.CheckVersion(n, version); err != nil {
			return err
		}
		apply(t)
		return nil
	})
	if err != nil {
		return zero, err
	}
	t, ok := n.(T)
	if !ok {
		return zero, fmt.Errorf("update %s: store returned a %T", id, n)
	}
	return t, nil
}

// updateTerm patches a term of a vocabulary and returns it as the
// vocabulary's type (*Theme, *TargetGroup, *Function).
func updateTerm[T buurtnet.Node](ctx context.Context, store buurtnet.Store, id string, kind buurtnet.Kind, version *int, apply func(*buurtnet.Term)) (T, error) {
	t, err := update(ctx, store, id, kind, version, apply)
	if err != nil {
		var zero T
		return zero, err
	}
	return termAs[T](t)
}

// updateLink patches the link of kind from one entity to another.
func (r *Resolver) updateLink(ctx context.Context, kind buurtnet.LinkKind, from, to string, patch buurtnet.LinkUpdate) (*buurtnet.Link, error) {
	return r.Store.UpdateLink(ctx, buurtnet.LinkKey{Kind: kind, From: from, To: to}, patch)
}
