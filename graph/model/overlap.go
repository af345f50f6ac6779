package model

import "github.com/buurtnet/buurtnet"

// Overlap is a buurtnet.Overlap as the API writes it out: the other project
// and the territories of each place are resolved before it is written, in
// one batch for the whole list, rather than by a resolver per field. A
// resolver runs on a goroutine of its own, and a project that covers a
// province or the region has thousands of overlaps with a few places each:
// a resolver per field made the goroutines most of the answer's cost.
type Overlap struct {
	*buurtnet.Overlap
	OtherProject *buurtnet.Project
	Places       []*OverlapPlace
}

// OverlapPlace is a buurtnet.Place with its two territories resolved.
type OverlapPlace struct {
	buurtnet.Place
	SubjectTerritory, OtherTerritoryNode *buurtnet.Territory
}
