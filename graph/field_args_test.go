package graph

import (
	"context"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/stretchr/testify/assert"
	"github.com/vektah/gqlparser/v2/ast"
)

// Within an operation, arguments that are scalars and enums, written in the
// document or given as variables, are parsed once per field; an input
// object, a list or a mutation's are parsed every time, and so is
// everything outside an operation's set.
func TestFieldArgs(t *testing.T) {
	operation := func() context.Context {
		var ctx context.Context
		ParseArgsOnce(context.Background(), func(c context.Context) graphql.ResponseHandler { ctx = c; return nil })
		return ctx
	}
	object := &ast.Definition{Name: "Territory"}
	field := func(v *ast.Value, on *ast.Definition) graphql.CollectedField {
		return graphql.CollectedField{Field: &ast.Field{Name: "name", ObjectDefinition: on, Arguments: ast.ArgumentList{{Name: "lang", Value: v}}}}
	}
	parses := 0
	parse := func(_ context.Context, raw map[string]any) (map[string]any, error) {
		parses++
		return map[string]any{"lang": raw["lang"]}, nil
	}
	count := func(ctx context.Context, f graphql.CollectedField) int {
		parses = 0
		for range 3 {
			_, err := fieldArgs(ctx, f, map[string]any{"l": "NL"}, parse)
			assert.NoError(t, err)
		}
		return parses
	}
	ctx := operation()

	enum := field(&ast.Value{Kind: ast.EnumValue, Raw: "FR"}, object)
	assert.Equal(t, 1, count(ctx, enum), "an enum written in the document")
	first, _ := fieldArgs(ctx, enum, nil, parse)
	again, _ := fieldArgs(ctx, enum, nil, parse)
	assert.Equal(t, reflect.ValueOf(first).Pointer(), reflect.ValueOf(again).Pointer(), "the same arguments, shared")
	assert.Equal(t, 1, count(operation(), enum), "another operation parses them again")
	assert.Equal(t, 3, count(context.Background(), enum), "outside an operation's set")

	language := &ast.Definition{Name: "Language", Kind: ast.Enum}
	variable := field(&ast.Value{Kind: ast.Variable, Raw: "l", Definition: language, ExpectedType: ast.NamedType("Language", nil)}, object)
	assert.Equal(t, 1, count(ctx, variable), "an enum in a variable")

	filter := &ast.Definition{Name: "ProjectFilter", Kind: ast.InputObject}
	inputVariable := field(&ast.Value{Kind: ast.Variable, Raw: "f", Definition: filter, ExpectedType: ast.NamedType("ProjectFilter", nil)}, object)
	assert.Equal(t, 3, count(ctx, inputVariable), "an input object in a variable")
	list := field(&ast.Value{Kind: ast.Variable, Raw: "ids", Definition: &ast.Definition{Name: "ID", Kind: ast.Scalar}, ExpectedType: ast.ListType(ast.NamedType("ID", nil), nil)}, object)
	assert.Equal(t, 3, count(ctx, list), "a list in a variable")
	input := field(&ast.Value{Kind: ast.ObjectValue, Children: ast.ChildValueList{{Name: "name", Value: &ast.Value{Kind: ast.StringValue, Raw: "x"}}}}, object)
	assert.Equal(t, 3, count(ctx, input), "an input object written in the document")
	mutation := field(&ast.Value{Kind: ast.StringValue, Raw: "x"}, &ast.Definition{Name: "Mutation"})
	assert.Equal(t, 3, count(ctx, mutation), "a mutation's")
}
