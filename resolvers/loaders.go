package resolvers

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/buurtnet/buurtnet"
)

// Loaders batch the store reads of one request: every relation field asks
// its loader, and the loader asks the store once per batch (no N+1). With
// a ReadCache, they first look in what earlier requests read under the
// same revision.
type Loaders struct {
	store buurtnet.Store
	nodes *dataloadgen.Loader[string, buurtnet.Node]
	links *dataloadgen.Loader[linkEnd, []*buurtnet.Link]

	cache  *ReadCache
	pinned atomic.Pointer[readSet]
	// missedTerritory is set once the request missed a territory in the
	// cache (see ReadCache.territoryMissed).
	missedTerritory atomic.Bool
}

// linkEnd asks for the links of one kind starting (Out) or ending at an id.
type linkEnd struct {
	kind buurtnet.LinkKind
	out  bool
	id   string
}

type loadersKey struct{}

// WithLoaders returns ctx carrying fresh loaders over store, without a
// cache shared between requests; call it once per request so that nothing
// cached outlives the request.
func WithLoaders(ctx context.Context, store buurtnet.Store) context.Context {
	return context.WithValue(ctx, loadersKey{}, newLoaders(store, nil))
}

func newLoaders(store buurtnet.Store, cache *ReadCache) *Loaders {
	wait := dataloadgen.WithWait(time.Millisecond)
	l := &Loaders{store: store, cache: cache}
	l.nodes = dataloadgen.NewMappedLoader(l.fetchNodes, wait)
	l.links = dataloadgen.NewMappedLoader(l.fetchLinks, wait)
	return l
}

// fetchNodes answers a batch of ids from the pinned set where it can and
// from the store for the rest.
func (l *Loaders) fetchNodes(ctx context.Context, ids []string) (map[string]buurtnet.Node, error) {
	set, err := l.pin(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]buurtnet.Node, len(ids))
	missing := ids
	if set != nil {
		missing = make([]string, 0, len(ids))
		for _, id := range ids {
			if n, ok := set.node(id); ok {
				out[id] = n
			} else {
				missing = append(missing, id)
			}
		}
		missing = l.cache.heldProjects(set, missing, out)
	}
	if len(missing) == 0 {
		return out, nil
	}
	if set != nil && anyTerritory(missing) && l.missedTerritory.CompareAndSwap(false, true) {
		l.cache.territoryMissed(set)
	}
	nodes, err := l.store.Nodes(ctx, missing)
	if err != nil {
		return nil, err
	}
	for _, n := range nodes {
		out[n.NodeID()] = n
	}
	if set != nil && !set.addNodes(nodes) {
		l.cache.full(set)
	}
	return out, nil
}

// fetchLinks is fetchNodes for link lists.
func (l *Loaders) fetchLinks(ctx context.Context, keys []linkEnd) (map[linkEnd][]*buurtnet.Link, error) {
	set, err := l.pin(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[linkEnd][]*buurtnet.Link, len(keys))
	missing := keys
	if set != nil {
		missing = make([]linkEnd, 0, len(keys))
		for _, k := range keys {
			if links, ok := set.linkList(k); ok {
				out[k] = links
			} else {
				missing = append(missing, k)
			}
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	fetched, err := fetchLinks(ctx, l.store, missing)
	if err != nil {
		return nil, err
	}
	for k, links := range fetched {
		out[k] = links
	}
	if set != nil && !set.addLinks(fetched) {
		l.cache.full(set)
	}
	return out, nil
}

func loadersFor(ctx context.Context) *Loaders {
	l, _ := ctx.Value(loadersKey{}).(*Loaders)
	if l == nil {
		panic("resolvers: no loaders in context; wrap the handler with WithLoaders")
	}
	return l
}

// fetchLinks answers a batch with one store query per (kind, direction).
func fetchLinks(ctx context.Context, store buurtnet.Store, keys []linkEnd) (map[linkEnd][]*buurtnet.Link, error) {
	type group struct {
		kind buurtnet.LinkKind
		out  bool
	}
	ids := map[group][]string{}
	for _, k := range keys {
		g := group{k.kind, k.out}
		ids[g] = append(ids[g], k.id)
	}
	out := make(map[linkEnd][]*buurtnet.Link, len(keys))
	for _, k := range keys {
		out[k] = nil // a key with no links is an answer, not a miss
	}
	for g, list := range ids {
		q := buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{g.kind}}
		if g.out || g.kind.Symmetric() {
			q.From = list
		} else {
			q.To = list
		}
		links, err := store.Links(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("load %s links: %w", g.kind, err)
		}
		for _, l := range links {
			ends := []string{l.To}
			if g.out {
				ends = []string{l.From}
			}
			if g.kind.Symmetric() {
				ends = []string{l.From, l.To}
			}
			for _, id := range ends {
				k := linkEnd{g.kind, g.out, id}
				if _, asked := out[k]; asked {
					out[k] = append(out[k], l)
				}
			}
		}
	}
	return out, nil
}

// guard keeps personal data from callers who are not signed in, whatever
// path leads to it (node(id), a link's end, a reason's subjects), by the
// rule the exports follow too (Actor.MayRead).
func guard(ctx context.Context, id string) error {
	return buurtnet.ActorFrom(ctx).MayRead(buurtnet.KindOf(id))
}

// node loads one entity; ENOTFOUND when it does not exist.
func node(ctx context.Context, id string) (buurtnet.Node, error) {
	if err := guard(ctx, id); err != nil {
		return nil, err
	}
	n, err := loadersFor(ctx).node(ctx, id)
	if err != nil {
		return nil, notFound(id, err)
	}
	return n, nil
}

// node loads one entity, straight from the pinned set when it is there.
func (l *Loaders) node(ctx context.Context, id string) (buurtnet.Node, error) {
	if set := l.cached(ctx); set != nil {
		if n, ok := set.node(id); ok {
			return n, nil
		}
	}
	return l.nodes.Load(ctx, id)
}

func notFound(id string, err error) error {
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return buurtnet.Errorf(buurtnet.ENOTFOUND, "no entity with id %q", id)
	}
	return err
}

// nodesOf loads entities by id, keeping the order of ids and leaving out any
// that disappeared meanwhile. The ids go into one batch: loading them one
// after another would wait out a batch each.
func nodesOf[T buurtnet.Node](ctx context.Context, ids []string) ([]T, error) {
	l := loadersFor(ctx)
	set := l.cached(ctx)
	thunks := make([]func() (buurtnet.Node, error), len(ids))
	for i, id := range ids {
		if err := guard(ctx, id); err != nil {
			return nil, err
		}
		if set != nil {
			if n, ok := set.node(id); ok {
				thunks[i] = func() (buurtnet.Node, error) { return n, nil }
				continue
			}
		}
		thunks[i] = l.nodes.LoadThunk(ctx, id)
	}
	out := make([]T, 0, len(ids))
	for i, thunk := range thunks {
		n, err := thunk()
		if err != nil {
			if buurtnet.ErrorCode(notFound(ids[i], err)) == buurtnet.ENOTFOUND {
				continue
			}
			return nil, err
		}
		if t, ok := typed(n).(T); ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// typed wraps terms in the type of their vocabulary, as GraphQL needs.
func typed(n buurtnet.Node) buurtnet.Node {
	if t, ok := n.(*buurtnet.Term); ok {
		return t.Typed()
	}
	return n
}

// linksOf loads the links of one kind that start (Outgoing) or end
// (Incoming) at id.
func linksOf(ctx context.Context, kind buurtnet.LinkKind, dir Direction, id string) ([]*buurtnet.Link, error) {
	l, k := loadersFor(ctx), linkEnd{kind, dir == Outgoing, id}
	if set := l.cached(ctx); set != nil {
		if links, ok := set.linkList(k); ok {
			return links, nil
		}
	}
	return l.links.Load(ctx, k)
}

// neighbours loads the entities at the other end of id's links of a kind.
func neighbours[T buurtnet.Node](ctx context.Context, kind buurtnet.LinkKind, dir Direction, id string) ([]T, error) {
	links, err := linksOf(ctx, kind, dir, id)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(links))
	for _, l := range links {
		ids = append(ids, otherEnd(l, id))
	}
	return nodesOf[T](ctx, ids)
}

func otherEnd(l *buurtnet.Link, id string) string {
	if l.From == id {
		return l.To
	}
	return l.From
}

// prime puts entities a list query already read into the node loader.
func prime[T buurtnet.Node](ctx context.Context, nodes []T) {
	l := loadersFor(ctx)
	for _, n := range nodes {
		l.nodes.Prime(n.NodeID(), n)
	}
}
