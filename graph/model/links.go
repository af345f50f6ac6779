package model

import "github.com/buurtnet/buurtnet"

// Participation, ProjectTerritory and Funding are links as the API writes
// them out: with the entities at their ends read beforehand, in one batch
// for the whole list, rather than by a resolver per link (see Overlap). A
// page of 50 projects has some 500 partners; with the ends at hand, a list
// of them is written without a goroutine per link.
type Participation struct {
	*buurtnet.Link
	Organisation *buurtnet.Organisation
	Project      *buurtnet.Project
}

// ProjectTerritory is a project's ACTIVE_IN link with its ends.
type ProjectTerritory struct {
	*buurtnet.Link
	Project   *buurtnet.Project
	Territory *buurtnet.Territory
}

// Funding is a FUNDS link with its ends.
type Funding struct {
	*buurtnet.Link
	Funder  *buurtnet.Funder
	Project *buurtnet.Project
}
