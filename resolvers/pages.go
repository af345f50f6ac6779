package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
)

// maxPage bounds first: on the lists of an answer that are not Relay
// connections (overlaps, the projects of a gap report): 1 to maxPage.
const maxPage = 1000

// checkFirst refuses first outside 1 to maxPage (EINVALID); none is fine.
func checkFirst(first *int) error {
	if first != nil && (*first < 1 || *first > maxPage) {
		return buurtnet.FieldError(buurtnet.EINVALID, "first", "first must be between 1 and %d", maxPage)
	}
	return nil
}

// page keeps the first *first of xs, all of them without first (see
// checkFirst).
func page[T any](xs []T, first *int) ([]T, error) {
	if err := checkFirst(first); err != nil || first == nil {
		return xs, err
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
