package buurtnet

import (
	"context"
	"fmt"
	"sync"
)

// revisionPin holds the store's revision for everything one read-only
// request asks, read the first time something needs it.
type revisionPin struct {
	once sync.Once
	rev  int64
	err  error
}

type revisionPinKey struct{}

// WithRevisionPin returns ctx in which the store's revision is read at
// most once, the first time a question or a cache needs it: the questions
// and the entity loaders of one request then look up their caches under
// the same revision for one round trip. Use it around requests that only
// read; a request that writes must read the revision after its writes.
func WithRevisionPin(ctx context.Context) context.Context {
	return context.WithValue(ctx, revisionPinKey{}, &revisionPin{})
}

// PinnedRevision returns the revision pinned in ctx, reading it from store
// the first time; ok is false when ctx carries no pin (see
// WithRevisionPin).
func PinnedRevision(ctx context.Context, store Store) (rev int64, ok bool, err error) {
	p, _ := ctx.Value(revisionPinKey{}).(*revisionPin)
	if p == nil {
		return 0, false, nil
	}
	p.once.Do(func() {
		p.rev, p.err = store.Revision(ctx)
		if p.err != nil {
			p.err = fmt.Errorf("store revision: %w", p.err)
		}
	})
	return p.rev, true, p.err
}
