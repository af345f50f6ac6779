package server

import (
	"context"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// boundedLRU is a least-recently-used set bounded in number of entries and
// in their size in bytes, as size reckons it; the least recently used go
// first. Safe for concurrent use.
type boundedLRU[V any] struct {
	mu       sync.Mutex
	lru      *simplelru.LRU[string, V]
	size     func(key string, v V) int
	bytes    int
	maxBytes int
}

func newBoundedLRU[V any](n, maxBytes int, size func(key string, v V) int) *boundedLRU[V] {
	c := &boundedLRU[V]{size: size, maxBytes: maxBytes}
	// The eviction callback runs inside Add and RemoveOldest, under c.mu.
	c.lru, _ = simplelru.NewLRU(n, func(k string, v V) { c.bytes -= size(k, v) })
	return c
}

func (c *boundedLRU[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Get(key)
}

// add keeps v under key, unless key is there already or v alone is larger
// than the whole set may be.
func (c *boundedLRU[V]) add(key string, v V) {
	n := c.size(key, v)
	if n > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru.Contains(key) {
		return
	}
	c.lru.Add(key, v)
	c.bytes += n
	for c.bytes > c.maxBytes {
		c.lru.RemoveOldest()
	}
}

// gqlgenCache is a boundedLRU as gqlgen's caches of parsed documents and
// of persisted queries, which are otherwise bounded in number alone. An
// entry is as large as its query's text or larger (a parsed document holds
// its text, as key, and its syntax tree: see documentSize): bounded in
// number alone, the documents' cache held whatever valid documents it was
// sent, each refused by a resolver or not. An entry larger than maxEntry
// is not kept: such a query is parsed (or sent) anew each time.
type gqlgenCache[V any] struct {
	lru      *boundedLRU[V]
	maxEntry int
}

func newGqlgenCache[V any](n, maxBytes, maxEntry int, size func(key string, v V) int) gqlgenCache[V] {
	return gqlgenCache[V]{lru: newBoundedLRU(n, maxBytes, size), maxEntry: maxEntry}
}

func (c gqlgenCache[V]) Get(_ context.Context, key string) (V, bool) { return c.lru.get(key) }

func (c gqlgenCache[V]) Add(_ context.Context, key string, v V) {
	if c.lru.size(key, v) <= c.maxEntry {
		c.lru.add(key, v)
	}
}

// Bounds of gqlgen's caches. A front-end's largest query is a few kB of
// text: the explorer's, the playground's and the peer benchmark's all are.
const (
	cachedDocuments     = 1000
	cachedDocumentBytes = 16 << 20
	maxCachedDocument   = 1 << 20 // some 1,700 nodes: more fields than a document may run with (MaxFields)
	persistedQueries    = 100
	persistedQueryBytes = 4 << 20
	maxPersistedQuery   = 64 << 10
)

// persistedQuerySize is a persisted query's hash and text.
func persistedQuerySize(hash, query string) int { return len(hash) + len(query) }
