package resolvers

import (
	"context"
	"sort"

	"github.com/buurtnet/buurtnet"
)

// Helpers of the vocabularies: themes, target groups and functions, each
// stored as a Term and answered as its vocabulary's type.

// allTerms lists the terms f selects, as their vocabulary's type T.
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

// functions lists the functions, of one framework when one is given.
func functions(ctx context.Context, store buurtnet.Store, framework *buurtnet.Framework) ([]*buurtnet.Function, error) {
	return allTerms[*buurtnet.Function](ctx, store, buurtnet.NodeFilter{Kind: buurtnet.KindFunction, Framework: deref(framework)})
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

func wrapTerms[T buurtnet.Node](terms []*buurtnet.Term) []T {
	out := make([]T, 0, len(terms))
	for _, t := range terms {
		if v, ok := t.Typed().(T); ok {
			out = append(out, v)
		}
	}
	return out
}
