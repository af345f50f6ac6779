// Package relay holds the Relay connection types of the list queries, written
// once for every entity type: gqlgen binds OrganisationConnection and the
// others to the aliases below (gqlgen.yml), so a list resolver is one generic
// function rather than one copy per type.
package relay

import "github.com/buurtnet/buurtnet"

// Connection is one page of a list query.
type Connection[T buurtnet.Node] struct {
	Edges      []*Edge[T]
	Nodes      []T
	PageInfo   *PageInfo
	TotalCount int
}

// Edge is one entity of a page with the cursor that resumes after it.
type Edge[T buurtnet.Node] struct {
	Cursor string
	Node   T
}

// PageInfo says where a page stands in the whole list.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// The instances the schema names; gqlgen binds to a generic type only
// through an alias.
type (
	OrganisationConnection = Connection[*buurtnet.Organisation]
	OrganisationEdge       = Edge[*buurtnet.Organisation]
	ProjectConnection      = Connection[*buurtnet.Project]
	ProjectEdge            = Edge[*buurtnet.Project]
	TerritoryConnection    = Connection[*buurtnet.Territory]
	TerritoryEdge          = Edge[*buurtnet.Territory]
	FunderConnection       = Connection[*buurtnet.Funder]
	FunderEdge             = Edge[*buurtnet.Funder]
	ConsultationConnection = Connection[*buurtnet.Consultation]
	ConsultationEdge       = Edge[*buurtnet.Consultation]
)
