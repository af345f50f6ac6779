package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// deferredGroupOf returns the group that gathers the @defer'd fields of the
// object being written, or an empty group when fields has none. gqlgen
// makes a group for every object it writes (graphql.NewDeferredGroup), and
// making one reads the object's whole path from the request's context and
// makes a map: for an answer of a few thousand objects, a tenth of the time
// it took to write, for groups that stay empty but in @defer requests. An
// empty group is one gqlgen never touches: only a deferred field is put in
// a group (FieldSet.ResolveConcurrently), and a group without one is not
// sent (ProcessDeferredGroup).
//
// scripts/gqlgen puts the calls in place of gqlgen's, in generated.go.
func deferredGroupOf(ctx context.Context, fields []graphql.CollectedField) graphql.DeferredGroup {
	for _, f := range fields {
		if f.IsDeferred() {
			return graphql.NewDeferredGroup(ctx)
		}
	}
	return graphql.DeferredGroup{}
}
