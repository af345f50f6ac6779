package server

import (
	"context"
	"log/slog"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/resolvers"
)

// warmUpTimeout bounds the warm-up: the country's profiles take some
// seconds to read, and a store that does not answer must not keep a
// goroutine reading for good.
const warmUpTimeout = 2 * time.Minute

// warmUp loads, for the store's revision at start, what the questions
// share: every territory into the read cache, then the territory graph and
// every project's profile. Without it, the first question after a start
// waits for the profiles (most of a second for a region), and the
// questions of the first moments share the cores with the loads their
// predecessors started. Questions that come meanwhile wait for the same
// loads rather than start their own; a warm-up that fails is logged, and
// the questions load what they need, as without it.
func warmUp(log *slog.Logger, cache *resolvers.ReadCache, analyst *buurtnet.Analyst) {
	ctx, cancel := context.WithTimeout(context.Background(), warmUpTimeout)
	defer cancel()
	began := time.Now()
	if err := cache.Warm(ctx); err != nil {
		log.Warn("could not warm the caches", "err", err)
		return
	}
	if err := analyst.Warm(ctx); err != nil {
		log.Warn("could not warm the caches", "err", err)
		return
	}
	log.Info("caches warm", "took", time.Since(began).Round(time.Millisecond))
}
