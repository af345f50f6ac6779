package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
)

// maxNodeIDs bounds nodes(ids:), as GitHub does.
const maxNodeIDs = 100

// Helpers of node(id) and nodes(ids), the lookups by id of any entity.

// lookup answers node(id): the entity, or null when there is none with
// this id. An id of no known kind is an error, as it can never match.
func lookup(ctx context.Context, id string) (buurtnet.Node, error) {
	if buurtnet.KindOf(id) == "" {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "id", "%q is not an id this service knows", id)
	}
	n, err := node(ctx, id)
	if buurtnet.ErrorCode(err) == buurtnet.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return typed(n), nil
}

// lookupAll answers nodes(ids): one entity or null per id, in their order.
func lookupAll(ctx context.Context, ids []string) ([]buurtnet.Node, error) {
	if len(ids) > maxNodeIDs {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "ids", "nodes takes at most %d ids; %d were given", maxNodeIDs, len(ids))
	}
	out := make([]buurtnet.Node, len(ids))
	for i, id := range ids {
		n, err := lookup(ctx, id)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}
