package resolvers

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/buurtnet/buurtnet"
)

// maxCachedItems bounds a ReadCache: entities plus links held. When a
// revision's set is full it is started afresh, so the cache follows what is
// being asked instead of keeping whatever came first. Decoded, a region's
// 30,222 entities and 142,103 links (tier M) take 56 MB of heap, some 320
// bytes an item, so the bound keeps the cache near 35 MB; a page of 50
// projects with their relations holds about 1,500 items.
const maxCachedItems = 100_000

// ReadCache keeps the entities and link lists the loaders read, decoded,
// for one revision of the store, shared read-only by the requests asked
// meanwhile. Lists of projects with their partners read the same
// organisations, territories and funders over and over, and decoding them
// (and, on Neo4j, the round trips) cost far more than answering. The
// revision is read once per request, before its first read; whatever was
// fetched after it is at least that new, so a request is never answered
// from data older than the revision it saw (see buurtnet.Store.Revision).
type ReadCache struct {
	store buurtnet.Store
	limit int
	// projects, when set, holds the projects of a revision without a read
	// of the store (see ReadProjectsFrom).
	projects func(rev int64, id string) (*buurtnet.Project, bool)

	mu  sync.Mutex
	cur *readSet
}

// NewReadCache returns an empty cache over store; share it between the
// requests of one process.
func NewReadCache(store buurtnet.Store) *ReadCache {
	return &ReadCache{store: store, limit: maxCachedItems}
}

// ReadProjectsFrom has the cache take projects from held, which returns a
// project as of a revision or a newer one, before it asks the store: the
// analyst holds every project's profile (buurtnet.Analyst.CachedProject),
// and the first page of a gap report or of a territory's projects after a
// write would otherwise read them again, on Neo4j a round trip each. Call
// it before the cache serves requests.
func (c *ReadCache) ReadProjectsFrom(held func(rev int64, id string) (*buurtnet.Project, bool)) {
	c.projects = held
}

// heldProjects moves the projects among missing that c.projects holds for
// s's revision into out and s, and returns the ids left to read.
func (c *ReadCache) heldProjects(s *readSet, missing []string, out map[string]buurtnet.Node) []string {
	if c.projects == nil {
		return missing
	}
	var held []buurtnet.Node
	left := missing[:0:0]
	for _, id := range missing {
		if buurtnet.KindOf(id) == buurtnet.KindProject {
			if p, ok := c.projects(s.revision, id); ok {
				out[id] = p
				held = append(held, p)
				continue
			}
		}
		left = append(left, id)
	}
	if len(held) > 0 && !s.addNodes(held) {
		c.full(s)
	}
	return left
}

// WithLoaders returns ctx carrying fresh loaders over the cache's store
// that read through the cache; call it once per request.
func (c *ReadCache) WithLoaders(ctx context.Context) context.Context {
	return context.WithValue(ctx, loadersKey{}, newLoaders(c.store, c))
}

// Store returns the cache's store with Find, Links and Nodes answered from
// the cache as well, for queries (under buurtnet.WithRevisionPin): a list
// asked again under the same revision, such as the first page of projects,
// is not sorted and decoded again, and the questions' own reads (the lists
// of functions and themes, the crosswalk, a territory's priorities) cost no
// round trip after the first. Give it to the resolvers and the analyst.
func (c *ReadCache) Store() buurtnet.Store { return cachedStore{Store: c.store, cache: c} }

// cachedStore is a store whose reads of entities and links go through a
// ReadCache.
type cachedStore struct {
	buurtnet.Store
	cache *ReadCache
}

// foundPage is what Find answered for one filter.
type foundPage struct {
	nodes []buurtnet.Node
	total int
}

// pinned is the set of the revision pinned in ctx; nil when ctx pins none
// (a mutation, a caller outside a query) or a newer set is held.
func (s cachedStore) pinned(ctx context.Context) (*readSet, error) {
	rev, ok, err := buurtnet.PinnedRevision(ctx, s.Store)
	if !ok || err != nil {
		return nil, err
	}
	return s.cache.set(rev), nil
}

// key is the cache key of a filter or query: every field, dates as text,
// so that equal questions have equal keys.
func key(prefix string, q any) (string, error) {
	b, err := json.Marshal(q)
	if err != nil {
		return "", fmt.Errorf("%s: cache key: %w", prefix, err)
	}
	return prefix + string(b), nil
}

func (s cachedStore) Find(ctx context.Context, f buurtnet.NodeFilter) ([]buurtnet.Node, int, error) {
	set, err := s.pinned(ctx)
	if err != nil {
		return nil, 0, err
	}
	if set == nil {
		return s.Store.Find(ctx, f)
	}
	k, err := key("find", f)
	if err != nil {
		return nil, 0, err
	}
	if p, ok := set.page(k); ok {
		return append([]buurtnet.Node(nil), p.nodes...), p.total, nil
	}
	nodes, total, err := s.Store.Find(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	if !set.addPage(k, foundPage{nodes: append([]buurtnet.Node(nil), nodes...), total: total}) {
		s.cache.full(set)
	}
	return nodes, total, nil
}

func (s cachedStore) Links(ctx context.Context, q buurtnet.LinkQuery) ([]*buurtnet.Link, error) {
	set, err := s.pinned(ctx)
	if err != nil {
		return nil, err
	}
	if set == nil {
		return s.Store.Links(ctx, q)
	}
	k, err := key("links", q)
	if err != nil {
		return nil, err
	}
	if l, ok := set.query(k); ok {
		return append([]*buurtnet.Link(nil), l...), nil
	}
	links, err := s.Store.Links(ctx, q)
	if err != nil {
		return nil, err
	}
	if !set.addQuery(k, append([]*buurtnet.Link(nil), links...)) {
		s.cache.full(set)
	}
	return links, nil
}

// Nodes answers the ids the set holds from it and asks the store for the
// others; in the order of the store's answer for those, after the ones
// held (Store.Nodes promises no order).
func (s cachedStore) Nodes(ctx context.Context, ids []string) ([]buurtnet.Node, error) {
	set, err := s.pinned(ctx)
	if err != nil {
		return nil, err
	}
	if set == nil {
		return s.Store.Nodes(ctx, ids)
	}
	var out []buurtnet.Node
	var missing []string
	for _, id := range ids {
		if n, ok := set.node(id); ok {
			out = append(out, n)
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	found, err := s.Store.Nodes(ctx, missing)
	if err != nil {
		return nil, err
	}
	if !set.addNodes(found) {
		s.cache.full(set)
	}
	return append(out, found...), nil
}

// readSet is what one revision's requests read: entities by id, link
// lists by the end they were asked for, pages of Find by filter and
// answers of Links by query. Nothing in it is ever changed
// after it is stored; a set that is replaced is left to the requests still
// holding it.
type readSet struct {
	revision int64
	limit    int

	mu      sync.RWMutex
	nodes   map[string]buurtnet.Node
	links   map[linkEnd][]*buurtnet.Link
	pages   map[string]foundPage
	queries map[string][]*buurtnet.Link // Store.Links by query
	items   int
	primed  atomic.Bool // every territory read, or being read (primeTerritories)
	// territoryMisses counts the requests that missed a territory.
	territoryMisses atomic.Int32
}

func newReadSet(rev int64, limit int) *readSet {
	return &readSet{revision: rev, limit: limit, nodes: map[string]buurtnet.Node{}, links: map[linkEnd][]*buurtnet.Link{}, pages: map[string]foundPage{}, queries: map[string][]*buurtnet.Link{}}
}

// set returns the set of revision rev, starting it when rev is newer than
// the one held; nil when a newer revision's set is already held (this
// request saw the store before a write others have seen).
func (c *ReadCache) set(rev int64) *readSet {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.cur == nil || c.cur.revision < rev:
		c.cur = newReadSet(rev, c.limit)
	case c.cur.revision > rev:
		return nil
	}
	return c.cur
}

// full starts a fresh set for the same revision when s is full.
func (c *ReadCache) full(s *readSet) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur == s {
		c.cur = newReadSet(s.revision, c.limit)
	}
}

func (s *readSet) node(id string) (buurtnet.Node, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	n, ok := s.nodes[id]
	return n, ok
}

func (s *readSet) linkList(k linkEnd) ([]*buurtnet.Link, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	l, ok := s.links[k]
	return l, ok
}

func (s *readSet) page(key string) (foundPage, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, ok := s.pages[key]
	return p, ok
}

func (s *readSet) query(key string) ([]*buurtnet.Link, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	l, ok := s.queries[key]
	return l, ok
}

// addQuery stores what Store.Links answered; false when the set is full.
func (s *readSet) addQuery(key string, l []*buurtnet.Link) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.queries[key]; !ok && s.items < s.limit {
		s.queries[key] = l
		s.items += 1 + len(l)
	}
	return s.items < s.limit
}

// addPage stores a page of Find; false when the set is full.
func (s *readSet) addPage(key string, p foundPage) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.pages[key]; !ok && s.items < s.limit {
		s.pages[key] = p
		s.items += 1 + len(p.nodes)
	}
	return s.items < s.limit
}

// addNodes stores entities; false when the set is full.
func (s *readSet) addNodes(nodes []buurtnet.Node) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range nodes {
		if s.items >= s.limit {
			return false
		}
		if _, ok := s.nodes[n.NodeID()]; !ok {
			s.nodes[n.NodeID()] = n
			s.items++
		}
	}
	return s.items < s.limit
}

// addLinks stores link lists (an empty list is an answer too); false when
// the set is full.
func (s *readSet) addLinks(lists map[linkEnd][]*buurtnet.Link) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, l := range lists {
		if s.items >= s.limit {
			return false
		}
		if _, ok := s.links[k]; !ok {
			s.links[k] = l
			s.items += 1 + len(l)
		}
	}
	return s.items < s.limit
}

// pin returns the cache set to read from, for the revision pinned for
// this request (buurtnet.WithRevisionPin, which PinRevision puts around
// every query); nil when the request reads the store directly: without a
// cache, in a mutation (its writes must be seen by the fields it then
// reads), or behind a newer set.
func (l *Loaders) pin(ctx context.Context) (*readSet, error) {
	if l.cache == nil {
		return nil, nil
	}
	if set := l.pinned.Load(); set != nil {
		return set, nil
	}
	rev, ok, err := buurtnet.PinnedRevision(ctx, l.store)
	if !ok || err != nil {
		return nil, err
	}
	set := l.cache.set(rev)
	l.pinned.Store(set)
	return set, nil
}

// PinRevision is the operation middleware that lets a query read the
// store's revision once for its questions and its loaders; mutations read
// it after their writes, as they go.
func PinRevision(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if op := graphql.GetOperationContext(ctx).Operation; op != nil && op.Operation == ast.Query {
		ctx = buurtnet.WithRevisionPin(ctx)
	}
	return next(ctx)
}

// cached is the set to look in before asking a loader: an answer found
// there skips the loader's batching wait. nil when there is none; an error
// reading the revision comes back from the loader.
func (l *Loaders) cached(ctx context.Context) *readSet {
	set, err := l.pin(ctx)
	if err != nil {
		return nil
	}
	return set
}
