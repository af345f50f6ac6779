package resolvers

import (
	"context"
	"fmt"
	"sort"

	"github.com/buurtnet/buurtnet"
)

// nodeAs loads one entity of a known Go type; ENOTFOUND when it is missing
// or of another kind.
func nodeAs[T buurtnet.Node](ctx context.Context, id string) (T, error) {
	var zero T
	n, err := node(ctx, id)
	if err != nil {
		return zero, err
	}
	t, ok := typed(n).(T)
	if !ok {
		return zero, buurtnet.Errorf(buurtnet.ENOTFOUND, "%q is not a %T", id, zero)
	}
	return t, nil
}

func profileProjects(ps []*buurtnet.ProjectProfile) []*buurtnet.Project {
	out := make([]*buurtnet.Project, len(ps))
	for i, p := range ps {
		out[i] = p.Project
	}
	return out
}

func wrapTerms[T buurtnet.Node](terms []*buurtnet.Term) []T {
	out := make([]T, 0, len(terms))
	for _, t := range terms {
		if v, ok := t.Typed().(T); ok {
			out = append(out, v)
		}
	}
	return out
}

func allTerms[T buurtnet.Node](ctx context.Context, store buurtnet.Store, f buurtnet.NodeFilter) ([]T, error) {
	nodes, _, err := store.Find(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(nodes))
	for _, n := range nodes {
		if t, ok := typed(n).(T); ok {
			out = append(out, t)
		}
	}
	if f.Kind == buurtnet.KindFunction {
		// The eight of each framework in their own order reads better than A–Z.
		sort.SliceStable(out, func(i, j int) bool {
			a, b := termOf(out[i]), termOf(out[j])
			if a.Framework != b.Framework {
				return a.Framework > b.Framework
			}
			return a.Number < b.Number
		})
	}
	return out, nil
}

func termOf(n buurtnet.Node) *buurtnet.Term {
	switch v := n.(type) {
	case *buurtnet.Function:
		return v.Term
	case *buurtnet.Theme:
		return v.Term
	case *buurtnet.TargetGroup:
		return v.Term
	case *buurtnet.Term:
		return v
	}
	return &buurtnet.Term{}
}

// update runs a patch through the store's transactional read-modify-write;
// a patch that names the version it edited is refused if the entity moved
// on meanwhile, checked inside the same transaction.
func update[T buurtnet.Node](ctx context.Context, store buurtnet.Store, id string, kind buurtnet.Kind, version *int, apply func(T)) (T, error) {
	var zero T
	if err := buurtnet.ValidateID("id", id, kind); err != nil {
		return zero, err
	}
	n, err := store.UpdateNode(ctx, id, func(n buurtnet.Node) error {
		t, ok := n.(T)
		if !ok {
			return buurtnet.FieldError(buurtnet.EINVALID, "id", "%q is not a %s", id, kind)
		}
		if err := buurtnet.CheckVersion(n, version); err != nil {
			return err
		}
		apply(t)
		return nil
	})
	if err != nil {
		return zero, err
	}
	t, ok := n.(T)
	if !ok {
		return zero, fmt.Errorf("update %s: store returned a %T", id, n)
	}
	return t, nil
}

func (r *Resolver) deleteNode(ctx context.Context, id string, kind buurtnet.Kind) (string, error) {
	if err := buurtnet.ValidateID("id", id, kind); err != nil {
		return "", err
	}
	if err := r.Store.DeleteNode(ctx, id); err != nil {
		return "", err
	}
	return id, nil
}

// coordinatorsFirst orders participations: coordinators, partners, associates.
func coordinatorsFirst(links []*buurtnet.Link) []*buurtnet.Link {
	rank := map[buurtnet.Role]int{buurtnet.RoleCoordinator: 0, buurtnet.RolePartner: 1, buurtnet.RoleAssociate: 2}
	out := append([]*buurtnet.Link(nil), links...)
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Role] < rank[out[j].Role] })
	return out
}

// facing orients symmetric links so that To is the other end from id.
func facing(links []*buurtnet.Link, id string) []*buurtnet.Link {
	out := make([]*buurtnet.Link, len(links))
	for i, l := range links {
		c := *l
		if c.To == id {
			c.From, c.To = c.To, c.From
		}
		out[i] = &c
	}
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func derefString(p *string) string { return deref(p) }

// set copies a patch value when the client gave one.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
