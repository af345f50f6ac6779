// Package resolvers answers GraphQL requests: it turns arguments into
// domain filters and changes, calls the store or the analyst, and returns
// domain values. Relation fields go through the per-request loaders.
package resolvers

//go:generate go run ../scripts/gqlgen

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/buurtnet/buurtnet"
)

// Resolver holds the dependencies of every resolver. It is not regenerated.
type Resolver struct {
	Store   buurtnet.Store
	Analyst *buurtnet.Analyst
}

// Auth is the @auth directive: the field runs only for a caller whose role
// is at least requires. Every mutation carries it (a test checks), as do
// all personal data.
func Auth(ctx context.Context, _ any, next graphql.Resolver, requires buurtnet.AccessRole) (any, error) {
	if err := buurtnet.ActorFrom(ctx).Require(requires); err != nil {
		return nil, err
	}
	return next(ctx)
}
