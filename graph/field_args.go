package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// fieldArgs returns the arguments of a field, as parse reads them from the
// field's syntax. gqlgen reads them again for every object the field is
// resolved on: name(lang:) on each of the 1,500 objects of a page of 50
// projects, a map and a parse each, an eighth of what resolving the page
// allocated (2.67 MB, now 2.32). Within one operation (ParseArgsOnce), a
// field's arguments are the same every time it is resolved, its variables
// being the operation's: they are parsed once per field of the operation
// and shared, read-only, by every resolution of it. Input objects and
// lists, which a resolver may fill in (as create does an id), and a
// mutation's arguments are parsed every time, as gqlgen does.
//
// scripts/gqlgen puts the calls in place of gqlgen's, in generated.go.
func fieldArgs(ctx context.Context, field graphql.CollectedField, vars map[string]any, parse func(context.Context, map[string]any) (map[string]any, error)) (map[string]any, error) {
	c, _ := ctx.Value(operationArgsKey{}).(*operationArgs)
	f := field.Field
	if c == nil || f == nil || !sharable(f) {
		return parse(ctx, field.ArgumentMap(vars))
	}
	if args, ok := c.get(f); ok {
		return args, nil
	}
	args, err := parse(ctx, field.ArgumentMap(vars))
	if err == nil {
		c.add(f, args)
	}
	return args, err
}

// ParseArgsOnce gives an operation the set of its fields' parsed
// arguments (see fieldArgs); it goes with the operation.
func ParseArgsOnce(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return next(context.WithValue(ctx, operationArgsKey{}, &operationArgs{args: map[*ast.Field]map[string]any{}}))
}

type operationArgsKey struct{}

// operationArgs holds the parsed arguments of an operation's fields, by
// their syntax; the operation's fields resolve on several goroutines.
type operationArgs struct {
	mu   sync.Mutex
	args map[*ast.Field]map[string]any
}

func (c *operationArgs) get(f *ast.Field) (map[string]any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	args, ok := c.args[f]
	return args, ok
}

func (c *operationArgs) add(f *ast.Field, args map[string]any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.args[f] = args
}

// sharable reports whether a field's arguments may be parsed once and
// shared: an object's or a query's field whose arguments, written in the
// document or given as variables, hold no input object and no list.
func sharable(f *ast.Field) bool {
	if f.ObjectDefinition != nil && f.ObjectDefinition.Name == "Mutation" {
		return false
	}
	for _, a := range f.Arguments {
		if a.Value == nil {
			return false
		}
		switch a.Value.Kind {
		case ast.Variable: // a scalar or an enum, not a list
			d, t := a.Value.Definition, a.Value.ExpectedType
			if d == nil || d.Kind != ast.Scalar && d.Kind != ast.Enum || t == nil || t.Elem != nil {
				return false
			}
		case ast.IntValue, ast.FloatValue, ast.StringValue, ast.BlockValue, ast.BooleanValue, ast.NullValue, ast.EnumValue:
		default:
			return false
		}
	}
	return true
}
