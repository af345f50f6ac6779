package resolvers

import (
	"context"
	"fmt"
	"time"

	"github.com/buurtnet/buurtnet"
)

// primeTimeout bounds the read of every territory that primeTerritories
// starts: it runs for no request, so no request's deadline stops it.
const primeTimeout = 30 * time.Second

// primeAfter is how many requests of one revision must miss a territory
// before primeTerritories reads them all: a revision that serves a single
// request (a read after every write) is not worth it.
const primeAfter = 2

// territoryMissed counts a request that missed a territory in s, and
// primes s at the primeAfter-th.
func (c *ReadCache) territoryMissed(s *readSet) {
	if s.territoryMisses.Add(1) == primeAfter {
		c.primeTerritories(s)
	}
}

// primeTerritories reads every territory into s, once per set, on a
// goroutine of its own; the request that asked carries on with its own
// read. Nearly every question names territories (the places of an
// overlap, a gap report's territory, the territories of a page of
// projects), and the requests of one revision otherwise read them a few
// at a time: on Neo4j each such read is a round trip of some 5 ms, most of
// what an overlap asked for the first time cost. A region has some 5,000
// territories, the country 20,000: one read of them all is cheap beside
// the questions that follow. Should it fail, the requests read the
// territories they need, as before.
func (c *ReadCache) primeTerritories(s *readSet) {
	if !s.primed.CompareAndSwap(false, true) {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), primeTimeout)
		defer cancel()
		_ = c.readTerritories(ctx, s)
	}()
}

// readTerritories reads every territory into s. A set this fills is left
// as it is: the next read that finds it full starts a fresh one.
func (c *ReadCache) readTerritories(ctx context.Context, s *readSet) error {
	nodes, _, err := c.store.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindTerritory})
	if err != nil {
		return err
	}
	s.addNodes(nodes)
	return nil
}

// Warm reads every territory of the store's current revision into the
// cache, as primeTerritories does, and waits for it.
func (c *ReadCache) Warm(ctx context.Context) error {
	rev, err := c.store.Revision(ctx)
	if err != nil {
		return fmt.Errorf("warm the read cache: %w", err)
	}
	s := c.set(rev)
	if s == nil || !s.primed.CompareAndSwap(false, true) {
		return nil // a newer revision is held, or its territories are read already
	}
	if err := c.readTerritories(ctx, s); err != nil {
		s.primed.Store(false) // the requests may still prime it
		return fmt.Errorf("warm the read cache: %w", err)
	}
	return nil
}

// anyTerritory reports whether ids name a territory.
func anyTerritory(ids []string) bool {
	for _, id := range ids {
		if buurtnet.KindOf(id) == buurtnet.KindTerritory {
			return true
		}
	}
	return false
}
