package graph

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

func TestDeferredGroupOnlyForDeferredFields(t *testing.T) {
	collect := func(query string) []graphql.CollectedField {
		oc := &graphql.OperationContext{Variables: map[string]any{}}
		return graphql.CollectFields(oc, selection(t, query), []string{"Overlap"})
	}
	plain := collect(`{ overlaps(project: "p") { project { id } sharedPartners { name } } }`)
	if g := deferredGroupOf(context.Background(), plain); g.Defers != nil || g.FieldSet != nil {
		t.Errorf("an object without a deferred field got a group: %+v", g)
	}
	deferred := collect(`{ overlaps(project: "p") { project { id } ... @defer(label: "later") { sharedPartners { name } } } }`)
	g := deferredGroupOf(context.Background(), deferred)
	if g.Defers == nil || g.FieldSet == nil {
		t.Fatalf("an object with a deferred field got no group to put it in: %+v", g)
	}
}
