// Package resolvers answers GraphQL requests: it turns arguments into
// domain filters and changes, calls the store or the analyst, and returns
// domain values. Relation fields go through the per-request loaders.
package resolvers

//go:generate go tool gqlgen generate

import (
	"github.com/buurtnet/buurtnet"
)

// Resolver holds the dependencies of every resolver. It is not regenerated.
type Resolver struct {
	Store   buurtnet.Store
	Analyst *buurtnet.Analyst
}
