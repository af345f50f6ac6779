package buurtnet

import (
	"context"
	"sync"
	"time"
)

// RecentRevision returns store with Revision answered from the last read
// for up to maxAge, so that a busy service asks the store for its revision
// a few times a second rather than once per request: on Neo4j that round
// trip cost more than answering a question from the caches it guards.
//
// Writes made through the returned store are seen at once: each one makes
// the next Revision read the store again, so a client that changes
// something and then asks reads its own write. Writes by other processes
// (another instance, `buurtnet import` on the same database) are seen
// within maxAge. A maxAge of 0 returns store itself: every Revision is
// read from the store.
func RecentRevision(store Store, maxAge time.Duration) Store {
	if maxAge <= 0 {
		return store
	}
	return &recentRevision{store: store, maxAge: maxAge, now: time.Now}
}

// recentRevision names the store rather than embedding it, so that a write
// method added to Store does not compile until it invalidates here too.
type recentRevision struct {
	store  Store
	maxAge time.Duration
	now    func() time.Time

	mu     sync.Mutex
	rev    int64
	readAt time.Time
	// writes counts the writes begun or ended; a read that saw it change
	// while the store answered keeps its answer to itself, since a write may
	// have committed after the store answered.
	writes uint64
}

func (s *recentRevision) Revision(ctx context.Context) (int64, error) {
	s.mu.Lock()
	if !s.readAt.IsZero() && s.now().Sub(s.readAt) < s.maxAge {
		rev := s.rev
		s.mu.Unlock()
		return rev, nil
	}
	writes := s.writes
	s.mu.Unlock()

	at := s.now()
	rev, err := s.store.Revision(ctx)
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	if s.writes == writes && rev >= s.rev {
		s.rev, s.readAt = rev, at
	}
	s.mu.Unlock()
	return rev, nil
}

// wrote forgets the revision read: call it before and after a write.
func (s *recentRevision) wrote() {
	s.mu.Lock()
	s.writes++
	s.readAt = time.Time{}
	s.mu.Unlock()
}

// writing marks a write begun and returns the call that marks it ended,
// for a defer: a Revision read that overlaps the write, on either side, is
// not kept.
func (s *recentRevision) writing() func() {
	s.wrote()
	return s.wrote
}

func (s *recentRevision) CreateNode(ctx context.Context, n Node) error {
	defer s.writing()()
	return s.store.CreateNode(ctx, n)
}

func (s *recentRevision) UpdateNode(ctx context.Context, id string, change func(Node) error) (Node, error) {
	defer s.writing()()
	return s.store.UpdateNode(ctx, id, change)
}

func (s *recentRevision) DeleteNode(ctx context.Context, id string) error {
	defer s.writing()()
	return s.store.DeleteNode(ctx, id)
}

func (s *recentRevision) CreateLink(ctx context.Context, l *Link) error {
	defer s.writing()()
	return s.store.CreateLink(ctx, l)
}

func (s *recentRevision) UpdateLink(ctx context.Context, key LinkKey, u LinkUpdate) (*Link, error) {
	defer s.writing()()
	return s.store.UpdateLink(ctx, key, u)
}

func (s *recentRevision) DeleteLink(ctx context.Context, key LinkKey) error {
	defer s.writing()()
	return s.store.DeleteLink(ctx, key)
}

func (s *recentRevision) Apply(ctx context.Context, n *Network, opts ApplyOptions) (*ApplyReport, error) {
	defer s.writing()()
	return s.store.Apply(ctx, n, opts)
}

func (s *recentRevision) CreateToken(ctx context.Context, t *Token) error {
	defer s.writing()()
	return s.store.CreateToken(ctx, t)
}

func (s *recentRevision) RevokeToken(ctx context.Context, id string) error {
	defer s.writing()()
	return s.store.RevokeToken(ctx, id)
}

func (s *recentRevision) Nodes(ctx context.Context, ids []string) ([]Node, error) {
	return s.store.Nodes(ctx, ids)
}

func (s *recentRevision) Find(ctx context.Context, f NodeFilter) ([]Node, int, error) {
	return s.store.Find(ctx, f)
}

func (s *recentRevision) Links(ctx context.Context, q LinkQuery) ([]*Link, error) {
	return s.store.Links(ctx, q)
}

func (s *recentRevision) TerritoryGraph(ctx context.Context) (*TerritoryGraph, error) {
	return s.store.TerritoryGraph(ctx)
}

func (s *recentRevision) Profiles(ctx context.Context, q ProfileQuery) ([]*ProjectProfile, error) {
	return s.store.Profiles(ctx, q)
}

func (s *recentRevision) Snapshot(ctx context.Context) (*Network, error) {
	return s.store.Snapshot(ctx)
}

func (s *recentRevision) AuditLog(ctx context.Context, f AuditFilter) ([]*AuditEntry, error) {
	return s.store.AuditLog(ctx, f)
}

func (s *recentRevision) TokenByHash(ctx context.Context, hash string) (*Token, error) {
	return s.store.TokenByHash(ctx, hash)
}

func (s *recentRevision) Tokens(ctx context.Context) ([]*Token, error) {
	return s.store.Tokens(ctx)
}

func (s *recentRevision) Ping(ctx context.Context) error { return s.store.Ping(ctx) }

func (s *recentRevision) Close() error { return s.store.Close() }

var _ Store = (*recentRevision)(nil)
