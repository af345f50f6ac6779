package graph

import (
	"bytes"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// objectWriter writes the bytes gqlgen's FieldSet writes: the fields in
// order, under their aliases, the first value of a repeated alias only.
func TestObjectWriterWritesAsFieldSet(t *testing.T) {
	field := func(alias string) graphql.CollectedField {
		return graphql.CollectedField{Field: &ast.Field{Alias: alias, Name: alias}}
	}
	for _, fields := range [][]graphql.CollectedField{
		{},
		{field("id")},
		{field("id"), field("name"), field("__typename")},
		{field("a"), field("b"), field("a")},
	} {
		out := graphql.NewFieldSet(fields)
		for i := range fields {
			out.Values[i] = graphql.MarshalString(`v"` + string(rune('0'+i)))
		}
		var want, got bytes.Buffer
		out.MarshalGQL(&want)
		writeObject(fields, out).MarshalGQL(&got)
		if got.String() != want.String() {
			t.Errorf("wrote %s, gqlgen writes %s", got.String(), want.String())
		}
	}
}
