package resolvers

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/buurtnet/buurtnet"
)

// Loaders batch the store reads of one request: every relation field asks
// its loader, and the loader asks the store once per batch (no N+1).
type Loaders struct {
	nodes *dataloadgen.Loader[string, buurtnet.Node]
	links *dataloadgen.Loader[linkEnd, []*buurtnet.Link]
}

// linkEnd asks for the links of one kind starting (Out) or ending at an id.
type linkEnd struct {
	kind buurtnet.LinkKind
	out  bool
	id   string
}

type loadersKey struct{}

// WithLoaders returns ctx carrying fresh loaders over store; call it once
// per request so that nothing cached outlives the request.
func WithLoaders(ctx context.Context, store buurtnet.Store) context.Context {
	wait := dataloadgen.WithWait(time.Millisecond)
	l := &Loaders{
		nodes: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]buurtnet.Node, error) {
			nodes, err := store.Nodes(ctx, ids)
			if err != nil {
				return nil, err
			}
			out := make(map[string]buurtnet.Node, len(nodes))
			for _, n := range nodes {
				out[n.NodeID()] = n
			}
			return out, nil
		}, wait),
		links: dataloadgen.NewMappedLoader(func(ctx context.Context, keys []linkEnd) (map[linkEnd][]*buurtnet.Link, error) {
			return fetchLinks(ctx, store, keys)
		}, wait),
	}
	return context.WithValue(ctx, loadersKey{}, l)
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
	n, err := loadersFor(ctx).nodes.Load(ctx, id)
	if err != nil {
		return nil, notFound(id, err)
	}
	return n, nil
}

func notFound(id string, err error) error {
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return buurtnet.Errorf(buurtnet.ENOTFOUND, "no entity with id %q", id)
	}
	return err
}

// nodesOf loads entities by id, keeping the order of ids and leaving out any
// that disappeared meanwhile.
func nodesOf[T buurtnet.Node](ctx context.Context, ids []string) ([]T, error) {
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		if err := guard(ctx, id); err != nil {
			return nil, err
		}
		n, err := loadersFor(ctx).nodes.Load(ctx, id)
		if err != nil {
			if buurtnet.ErrorCode(notFound(id, err)) == buurtnet.ENOTFOUND {
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
	return loadersFor(ctx).links.Load(ctx, linkEnd{kind, dir == Outgoing, id})
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
