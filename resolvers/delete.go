package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
)

// Helpers of the delete mutations and of unlink.

// deleteNode deletes the entity id, which must be of kind, and answers its id.
func (r *Resolver) deleteNode(ctx context.Context, id string, kind buurtnet.Kind) (string, error) {
	if err := buurtnet.ValidateID("id", id, kind); err != nil {
		return "", err
	}
	if err := r.Store.DeleteNode(ctx, id); err != nil {
		return "", err
	}
	return id, nil
}

// unlink deletes the link of kind from one entity to another.
func (r *Resolver) unlink(ctx context.Context, kind buurtnet.LinkKind, from, to string) (bool, error) {
	if err := r.Store.DeleteLink(ctx, buurtnet.LinkKey{Kind: kind, From: from, To: to}); err != nil {
		return false, err
	}
	return true, nil
}
