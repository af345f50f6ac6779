package buurtnet

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// profileStore serves profiles of three projects and counts the loads.
// p1 works in t1, p2 in t1 and t2, p3 nowhere.
type profileStore struct {
	Store // the cache calls Revision and Profiles only
	rev   atomic.Int64
	all   atomic.Int64 // loads of every profile
	some  atomic.Int64 // other queries
	// gate, when not nil, holds each load of every profile until closed.
	gate chan struct{}
}

func (s *profileStore) Revision(context.Context) (int64, error) { return s.rev.Load(), nil }

func (s *profileStore) Profiles(ctx context.Context, q ProfileQuery) ([]*ProjectProfile, error) {
	projects := []*Project{{ID: "project:p1"}, {ID: "project:p2"}, {ID: "project:p3"}}
	links := []*Link{
		{LinkKey: LinkKey{Kind: LinkActiveIn, From: "project:p1", To: "territory:t1"}},
		{LinkKey: LinkKey{Kind: LinkActiveIn, From: "project:p2", To: "territory:t1"}},
		{LinkKey: LinkKey{Kind: LinkActiveIn, From: "project:p2", To: "territory:t2"}},
	}
	if !q.All {
		s.some.Add(1)
		var in []*Project
		for _, p := range projects {
			if contains(q.IDs, p.ID) {
				in = append(in, p)
			}
		}
		return BuildProfiles(in, links), nil
	}
	s.all.Add(1)
	if s.gate != nil {
		select {
		case <-s.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return BuildProfiles(projects, links), nil
}

// profileIDs returns the ids of the profiles of an answer without error.
func profileIDs(t *testing.T) func([]*ProjectProfile, error) []string {
	return func(ps []*ProjectProfile, err error) []string {
		t.Helper()
		assert.NoError(t, err) // not require: it runs in other goroutines too
		ids := []string{}
		for _, p := range ps {
			ids = append(ids, p.Project.ID)
		}
		return ids
	}
}

func TestProfileCache(t *testing.T) {
	ctx := t.Context()
	s := &profileStore{}
	a := &Analyst{Store: s}

	// Before the cache is loaded, projects by id are asked of the store.
	assert.Equal(t, []string{"project:p3"}, profileIDs(t)(a.profiles(ctx, ProfileQuery{IDs: []string{"project:p3"}})))
	assert.Equal(t, int64(0), s.all.Load())

	for _, c := range []struct {
		q    ProfileQuery
		want []string
	}{
		{ProfileQuery{All: true}, []string{"project:p1", "project:p2", "project:p3"}},
		{ProfileQuery{Territories: []string{"territory:t2"}}, []string{"project:p2"}},
		{ProfileQuery{Territories: []string{"territory:t1", "territory:t2"}}, []string{"project:p1", "project:p2"}},
		{ProfileQuery{IDs: []string{"project:p3", "project:p1", "project:none"}, Territories: []string{"territory:t2"}}, []string{"project:p1", "project:p2", "project:p3"}},
		{ProfileQuery{IDs: []string{"project:p3"}}, []string{"project:p3"}},
		{ProfileQuery{Territories: []string{"territory:none"}}, []string{}},
		{ProfileQuery{}, []string{}},
	} {
		assert.Equal(t, c.want, profileIDs(t)(a.profiles(ctx, c.q)), "%+v", c.q)
	}
	assert.Equal(t, int64(1), s.all.Load(), "one load for the revision")
	assert.Equal(t, int64(1), s.some.Load(), "by id from the cache once it is loaded")

	s.rev.Add(1)
	profileIDs(t)(a.profiles(ctx, ProfileQuery{Territories: []string{"territory:t1"}}))
	assert.Equal(t, int64(2), s.all.Load(), "loaded again after a write")
}

func TestProfileCacheSharesOneLoad(t *testing.T) {
	s := &profileStore{gate: make(chan struct{})}
	a := &Analyst{Store: s}
	q := ProfileQuery{Territories: []string{"territory:t1"}}

	// The first question gives up while loading; the others wait for the
	// load another started and, when it fails, load for themselves.
	first, cancel := context.WithCancel(t.Context())
	done := make(chan error)
	go func() {
		_, err := a.profiles(first, q)
		done <- err
	}()
	for s.all.Load() == 0 {
		runtime.Gosched()
	}
	var wg sync.WaitGroup
	answers := make([][]string, 3)
	for i := range answers {
		wg.Go(func() {
			ps, err := a.profiles(t.Context(), q)
			answers[i] = profileIDs(t)(ps, err)
		})
	}
	cancel()
	assert.True(t, errors.Is(<-done, context.Canceled))
	close(s.gate)
	wg.Wait()
	for _, ids := range answers {
		assert.Equal(t, []string{"project:p1", "project:p2"}, ids)
	}
}

func TestProfileCacheLoadsOnce(t *testing.T) {
	s := &profileStore{gate: make(chan struct{})}
	a := &Analyst{Store: s}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			ps, err := a.profiles(t.Context(), ProfileQuery{All: true})
			assert.Len(t, profileIDs(t)(ps, err), 3)
		})
	}
	for s.all.Load() == 0 {
		runtime.Gosched()
	}
	close(s.gate)
	wg.Wait()
	assert.Equal(t, int64(1), s.all.Load(), "the questions asked meanwhile share the load")
}

func TestCachedProject(t *testing.T) {
	ctx := t.Context()
	s := &profileStore{}
	s.rev.Store(5)
	a := &Analyst{Store: s}

	_, ok := a.CachedProject(5, "project:p1")
	assert.False(t, ok, "nothing before the profiles are loaded")

	profileIDs(t)(a.profiles(ctx, ProfileQuery{All: true}))
	p, ok := a.CachedProject(5, "project:p2")
	if assert.True(t, ok) {
		assert.Equal(t, "project:p2", p.ID)
	}
	_, ok = a.CachedProject(4, "project:p2")
	assert.True(t, ok, "the profiles of a newer revision answer for an older one")
	_, ok = a.CachedProject(6, "project:p2")
	assert.False(t, ok, "but not for a newer one")
	_, ok = a.CachedProject(5, "project:none")
	assert.False(t, ok)
}
