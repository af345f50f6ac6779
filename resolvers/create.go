package resolvers

import (
	"context"
	"fmt"

	"github.com/buurtnet/buurtnet"
)

// Helpers of the create mutations and of link.

// create stores a new entity. id points at n's id field: an entity the
// client gave no id gets a fresh one of its kind, while an id the client
// chose (such as "project:boost") is kept.
func create[T buurtnet.Node](ctx context.Context, store buurtnet.Store, n T, id *string) (T, error) {
	if *id == "" {
		*id = buurtnet.NewID(n.NodeKind())
	}
	if err := store.CreateNode(ctx, n); err != nil {
		var zero T
		return zero, err
	}
	return n, nil
}

// createTerm stores a new term of a vocabulary and returns it as the
// vocabulary's type (*Theme, *TargetGroup, *Function).
func createTerm[T buurtnet.Node](ctx context.Context, store buurtnet.Store, kind buurtnet.Kind, input buurtnet.Term) (T, error) {
	input.Kind = kind
	t, err := create(ctx, store, &input, &input.ID)
	if err != nil {
		var zero T
		return zero, err
	}
	return termAs[T](t)
}

// termAs wraps a term in its vocabulary's type, which must be T.
func termAs[T buurtnet.Node](t *buurtnet.Term) (T, error) {
	v, ok := t.Typed().(T)
	if !ok {
		return v, fmt.Errorf("term %s of kind %q is not a %T", t.ID, t.Kind, v)
	}
	return v, nil
}

// link stores a new link between two entities.
func (r *Resolver) link(ctx context.Context, input buurtnet.Link) (*buurtnet.Link, error) {
	if err := r.Store.CreateLink(ctx, &input); err != nil {
		return nil, err
	}
	return &input, nil
}
