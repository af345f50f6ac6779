package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
)

// maxPage bounds first: on the lists of an answer that are not Relay
// connections (overlaps, the projects of a gap report): 1 to maxPage.
const maxPage = 1000

// page keeps the first *first of xs, all of them without first; EINVALID
// on first outside 1 to maxPage.
func page[T any](xs []T, first *int) ([]T, error) {
	if first == nil {
		return xs, nil
	}
	if *first < 1 || *first > maxPage {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "first", "first must be between 1 and %d", maxPage)
	}
	return xs[:min(*first, len(xs))], nil
}

// nodesPage is the first *first of the entities of ids (see page).
func nodesPage[T buurtnet.Node](ctx context.Context, ids []string, first *int) ([]T, error) {
	ids, err := page(ids, first)
	if err != nil {
		return nil, err
	}
	return nodesOf[T](ctx, ids)
}
