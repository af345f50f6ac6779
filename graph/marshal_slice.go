package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// marshalSlice writes out the elements of a list. gqlgen writes each element
// on a goroutine of its own (graphql.MarshalSliceConcurrently), so that the
// resolvers under the elements that read the store wait for one batch
// together. When nothing under the list's selection has such a resolver,
// writing an element is only CPU work: the goroutines and the growth of
// their stacks then cost more than the elements themselves (a third of the
// answer for a project overlapping 600 others), and the elements are
// written in turn on the caller's goroutine instead.
//
// scripts/gqlgen puts the calls in place of gqlgen's, in generated.go, and
// writes the list of fields with such resolvers (concurrentFields).
func marshalSlice(ctx context.Context, sel ast.SelectionSet, length int, marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	if length <= 1 || needsConcurrency(sel) {
		return graphql.MarshalSliceConcurrently(ctx, length, 0, false, marshalElement)
	}
	ret := make(graphql.Array, length)
	for i := range length {
		child := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		ret[i] = marshalRecovered(child, i, marshalElement)
	}
	return ret
}

// marshalRecovered is marshalElement(ctx, i), with a panic reported as the
// element's error and the element written as null, as gqlgen does.
func marshalRecovered(ctx context.Context, i int, marshalElement func(ctx context.Context, i int) graphql.Marshaler) (m graphql.Marshaler) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			m = graphql.Null
		}
	}()
	return marshalElement(ctx, i)
}

// needsConcurrency reports whether sel, at any depth, selects a field whose
// resolver runs on a goroutine of its own, or selects in a way this cannot
// tell: through an interface or a union (the concrete type is known per
// element only), or with @defer.
func needsConcurrency(sel ast.SelectionSet) bool {
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			obj := s.ObjectDefinition
			if obj == nil || obj.Kind != ast.Object || concurrentFields[obj.Name+"."+s.Name] || needsConcurrency(s.SelectionSet) {
				return true
			}
		case *ast.InlineFragment:
			if s.Directives.ForName("defer") != nil || needsConcurrency(s.SelectionSet) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Directives.ForName("defer") != nil || s.Definition == nil || needsConcurrency(s.Definition.SelectionSet) {
				return true
			}
		default:
			return true
		}
	}
	return false
}
