package graph

import (
	"context"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/stretchr/testify/assert"
	"github.com/vektah/gqlparser/v2/ast"
)

// Arguments written as scalars and enums are parsed once per field of a
// document; a variable, an input object or a mutation's are parsed every
// time.
func TestFieldArgs(t *testing.T) {
	ctx := context.Background()
	object := &ast.Definition{Name: "Territory"}
	field := func(v *ast.Value, on *ast.Definition) graphql.CollectedField {
		return graphql.CollectedField{Field: &ast.Field{Name: "name", ObjectDefinition: on, Arguments: ast.ArgumentList{{Name: "lang", Value: v}}}}
	}
	parses := 0
	parse := func(_ context.Context, raw map[string]any) (map[string]any, error) {
		parses++
		return map[string]any{"lang": raw["lang"]}, nil
	}
	count := func(f graphql.CollectedField, vars map[string]any) int {
		parses = 0
		for range 3 {
			_, err := fieldArgs(ctx, f, vars, parse)
			assert.NoError(t, err)
		}
		return parses
	}

	enum := field(&ast.Value{Kind: ast.EnumValue, Raw: "FR"}, object)
	assert.Equal(t, 1, count(enum, nil), "an enum written in the document")
	first, _ := fieldArgs(ctx, enum, nil, parse)
	again, _ := fieldArgs(ctx, enum, nil, parse)
	assert.Equal(t, reflect.ValueOf(first).Pointer(), reflect.ValueOf(again).Pointer(), "the same arguments, shared")

	variable := field(&ast.Value{Kind: ast.Variable, Raw: "l"}, object)
	assert.Equal(t, 3, count(variable, map[string]any{"l": "NL"}), "a variable")

	input := field(&ast.Value{Kind: ast.ObjectValue, Children: ast.ChildValueList{{Name: "name", Value: &ast.Value{Kind: ast.StringValue, Raw: "x"}}}}, object)
	assert.Equal(t, 3, count(input, nil), "an input object")

	mutation := field(&ast.Value{Kind: ast.StringValue, Raw: "x"}, &ast.Definition{Name: "Mutation"})
	assert.Equal(t, 3, count(mutation, nil), "a mutation's")

	// The set starts afresh when full, and keeps working.
	for range maxParsedArgs + 1 {
		_, _ = fieldArgs(ctx, field(&ast.Value{Kind: ast.EnumValue, Raw: "EN"}, object), nil, parse)
	}
	assert.LessOrEqual(t, len(parsedArgs.args), maxParsedArgs)
}
