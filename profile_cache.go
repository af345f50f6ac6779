package buurtnet

import (
	"context"
	"sync"
)

// maxCachedProfiles bounds the profile cache: a store with more projects is
// asked for each question's profiles again, as without the cache. A region
// (tier M, 5,000 projects) takes some 30 MB of heap; the country (tier L,
// 25,000) some 140 MB.
const maxCachedProfiles = 30_000

// profileCache keeps every project's profile for one revision of the store,
// shared read-only by the questions asked meanwhile: a province-wide
// project overlaps thousands of others, and reading their profiles again
// for every question cost far more than the rules. A profile does not
// depend on the query that read it, so answers read from the cache are the
// ones the store would give.
type profileCache struct {
	mu  sync.Mutex
	cur *profileSet
}

// profileSet is the profiles of one revision, or their load under way.
type profileSet struct {
	revision int64
	ready    chan struct{} // closed when the load is over
	err      error
	tooMany  bool
	all      []*ProjectProfile // by id, as Store.Profiles returns them
	byID     map[string]int
	byPlace  map[string][]int // territory id → the projects active in it, in order
}

// profiles answers q as Store.Profiles would, from the cache when the
// store's revision has not changed since it was filled. Concurrent
// questions share one load; one that is cancelled while waiting stops.
func (a *Analyst) profiles(ctx context.Context, q ProfileQuery) ([]*ProjectProfile, error) {
	if !q.All && len(q.IDs) == 0 && len(q.Territories) == 0 {
		return []*ProjectProfile{}, nil
	}
	rev, err := a.revision(ctx)
	if err != nil {
		return nil, err
	}
	if !q.All && len(q.Territories) == 0 && !a.profilesReady(rev) {
		// A few projects by id (a stakeholder map, the subject of an
		// overlap) are one cheap query: not worth loading every profile.
		return a.Store.Profiles(ctx, q)
	}
	for range 2 {
		s, load := a.profileSet(rev)
		if load {
			a.loadProfiles(ctx, s)
		}
		select {
		case <-s.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		switch {
		case s.tooMany:
			return a.Store.Profiles(ctx, q)
		case s.err == nil:
			return s.selected(q), nil
		case load || ctx.Err() != nil:
			return nil, s.err
		}
		// The load another question started failed (perhaps at its own
		// deadline): load again, for this one.
		a.profileCache.mu.Lock()
		if a.profileCache.cur == s {
			a.profileCache.cur = nil
		}
		a.profileCache.mu.Unlock()
	}
	return a.Store.Profiles(ctx, q)
}

// profilesReady reports whether the profiles of revision rev (or a newer
// one) are loaded.
func (a *Analyst) profilesReady(rev int64) bool {
	c := &a.profileCache
	c.mu.Lock()
	s := c.cur
	c.mu.Unlock()
	if s == nil || s.revision < rev {
		return false
	}
	select {
	case <-s.ready:
		return s.err == nil && !s.tooMany
	default:
		return false
	}
}

// CachedProject returns project id as the loaded profiles of revision rev,
// or of a newer one, hold it: the entity without a read of the store, for
// the caches of the entities themselves (resolvers.ReadCache). False when
// no such profiles are loaded, or they do not hold id.
func (a *Analyst) CachedProject(rev int64, id string) (*Project, bool) {
	c := &a.profileCache
	c.mu.Lock()
	s := c.cur
	c.mu.Unlock()
	if s == nil || s.revision < rev {
		return nil, false
	}
	select {
	case <-s.ready:
	default:
		return nil, false
	}
	if s.err != nil || s.tooMany {
		return nil, false
	}
	i, ok := s.byID[id]
	if !ok {
		return nil, false
	}
	return s.all[i].Project, true
}

// profileSet returns the set for revision rev (or a newer one), and
// whether the caller is to load it.
func (a *Analyst) profileSet(rev int64) (*profileSet, bool) {
	c := &a.profileCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != nil && c.cur.revision >= rev {
		return c.cur, false
	}
	c.cur = &profileSet{revision: rev, ready: make(chan struct{})}
	return c.cur, true
}

func (a *Analyst) loadProfiles(ctx context.Context, s *profileSet) {
	defer close(s.ready)
	all, err := a.Store.Profiles(ctx, ProfileQuery{All: true})
	if err != nil {
		s.err = err
		return
	}
	if len(all) > maxCachedProfiles {
		s.tooMany = true
		return
	}
	s.all, s.byID, s.byPlace = all, make(map[string]int, len(all)), map[string][]int{}
	for i, p := range all {
		s.byID[p.Project.ID] = i
		for _, l := range p.Territories {
			s.byPlace[l.To] = append(s.byPlace[l.To], i)
		}
	}
}

// selected is the profiles q asks for: those with one of its ids and those
// active in one of its territories, in the order of their ids.
func (s *profileSet) selected(q ProfileQuery) []*ProjectProfile {
	if q.All {
		return append([]*ProjectProfile(nil), s.all...)
	}
	in := make([]bool, len(s.all))
	n := 0
	mark := func(i int) {
		if !in[i] {
			in[i], n = true, n+1
		}
	}
	for _, id := range q.IDs {
		if i, ok := s.byID[id]; ok {
			mark(i)
		}
	}
	for _, t := range q.Territories {
		for _, i := range s.byPlace[t] {
			mark(i)
		}
	}
	out := make([]*ProjectProfile, 0, n)
	for i, p := range s.all {
		if in[i] {
			out = append(out, p)
		}
	}
	return out
}
