package resolvers

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// territoryStore answers Find with its territories, or with err, and counts
// the calls.
type territoryStore struct {
	buurtnet.Store
	territories []buurtnet.Node
	err         error
	finds       atomic.Int32
}

func (s *territoryStore) Find(_ context.Context, f buurtnet.NodeFilter) ([]buurtnet.Node, int, error) {
	s.finds.Add(1)
	if f.Kind != buurtnet.KindTerritory || f.Limit != 0 {
		return nil, 0, errors.New("not every territory")
	}
	return s.territories, len(s.territories), s.err
}

func TestPrimeTerritories(t *testing.T) {
	store := &territoryStore{territories: []buurtnet.Node{
		&buurtnet.Territory{ID: "territory:a"}, &buurtnet.Territory{ID: "territory:b"},
	}}
	c := &ReadCache{store: store, limit: 100}
	s := c.set(1)

	c.primeTerritories(s)
	c.primeTerritories(s)
	require.Eventually(t, func() bool { _, ok := s.node("territory:b"); return ok }, 5*time.Second, time.Millisecond)
	assert.Equal(t, int32(1), store.finds.Load(), "one read per set")

	newer := c.set(2)
	c.primeTerritories(newer)
	require.Eventually(t, func() bool { _, ok := newer.node("territory:a"); return ok }, 5*time.Second, time.Millisecond)
	assert.Equal(t, int32(2), store.finds.Load(), "a new revision reads them again")
}

func TestPrimeTerritoriesFailing(t *testing.T) {
	store := &territoryStore{err: errors.New("down")}
	c := &ReadCache{store: store, limit: 100}
	s := c.set(1)
	c.primeTerritories(s)
	require.Eventually(t, func() bool { return store.finds.Load() == 1 }, 5*time.Second, time.Millisecond)
	assert.Empty(t, s.nodes, "nothing is kept from a failed read")
}

func TestAnyTerritory(t *testing.T) {
	assert.True(t, anyTerritory([]string{"organisation:x", "territory:y"}))
	assert.False(t, anyTerritory([]string{"organisation:x", "project:p"}))
}

// A revision that serves one request only (a read after every write) reads
// no territory beyond what that request asks.
func TestPrimeAfterTheSecondRequest(t *testing.T) {
	store := &territoryStore{territories: []buurtnet.Node{&buurtnet.Territory{ID: "territory:a"}}}
	c := &ReadCache{store: store, limit: 100}
	s := c.set(1)
	c.territoryMissed(s)
	time.Sleep(20 * time.Millisecond)
	assert.Equal(t, int32(0), store.finds.Load(), "not at the first request")
	c.territoryMissed(s)
	require.Eventually(t, func() bool { _, ok := s.node("territory:a"); return ok }, 5*time.Second, time.Millisecond)
	c.territoryMissed(s)
	assert.Equal(t, int32(1), store.finds.Load())
}
