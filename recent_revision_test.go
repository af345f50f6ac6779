package buurtnet

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// revisionCounter is a store whose revision grows with each write, and
// which counts how often it is asked for it.
type revisionCounter struct {
	Store // nil: only the methods below are called
	rev   int64
	reads int
	// during runs inside Revision, as if a write committed while the store
	// answered.
	during func()
}

func (s *revisionCounter) Revision(context.Context) (int64, error) {
	s.reads++
	rev := s.rev
	if s.during != nil {
		s.during()
	}
	return rev, nil
}

func (s *revisionCounter) CreateNode(context.Context, Node) error { s.rev++; return nil }

func TestRecentRevision(t *testing.T) {
	ctx := context.Background()
	clock := time.Unix(0, 0)
	setup := func() (*revisionCounter, *recentRevision) {
		inner := &revisionCounter{rev: 7}
		s := RecentRevision(inner, 250*time.Millisecond).(*recentRevision)
		s.now = func() time.Time { return clock }
		return inner, s
	}
	rev := func(s Store) int64 {
		r, err := s.Revision(ctx)
		require.NoError(t, err)
		return r
	}

	t.Run("ReadOncePerMaxAge", func(t *testing.T) {
		inner, s := setup()
		for range 10 {
			assert.EqualValues(t, 7, rev(s))
		}
		assert.Equal(t, 1, inner.reads)
		clock = clock.Add(249 * time.Millisecond)
		rev(s)
		assert.Equal(t, 1, inner.reads)
		clock = clock.Add(time.Millisecond)
		rev(s)
		assert.Equal(t, 2, inner.reads, "after maxAge the store is asked again")
	})

	t.Run("OwnWritesSeenAtOnce", func(t *testing.T) {
		inner, s := setup()
		assert.EqualValues(t, 7, rev(s))
		require.NoError(t, s.CreateNode(ctx, &Organisation{ID: "org:a"}))
		assert.EqualValues(t, 8, rev(s), "the revision read before the write is forgotten")
		assert.Equal(t, 2, inner.reads)
	})

	t.Run("OthersWritesSeenWithinMaxAge", func(t *testing.T) {
		inner, s := setup()
		assert.EqualValues(t, 7, rev(s))
		inner.rev = 9 // another process wrote
		assert.EqualValues(t, 7, rev(s))
		clock = clock.Add(250 * time.Millisecond)
		assert.EqualValues(t, 9, rev(s))
	})

	t.Run("ReadOverlappingAWriteIsNotKept", func(t *testing.T) {
		inner, s := setup()
		inner.during = func() {
			inner.during = nil
			require.NoError(t, s.CreateNode(ctx, &Organisation{ID: "org:a"}))
		}
		assert.EqualValues(t, 7, rev(s), "the read answers what the store said")
		assert.EqualValues(t, 8, rev(s), "but is not kept: the write may have come after it")
		assert.Equal(t, 2, inner.reads)
	})

	t.Run("ZeroMaxAgeReadsEveryTime", func(t *testing.T) {
		inner := &revisionCounter{rev: 7}
		s := RecentRevision(inner, 0)
		rev(s)
		rev(s)
		assert.Equal(t, 2, inner.reads)
	})
}
