package server

import (
	"github.com/buurtnet/buurtnet/graph"
	"github.com/buurtnet/buurtnet/graph/model"
)

// meetingBriefingCost is the cost of one meeting briefing: up to two gap
// analyses of its territory (on the day, and over time for the changes),
// and it may be asked for under a list of meetings, where the count of
// root analysis fields does not see it. Eight root analyses' worth keeps a
// default operation to at most five briefings.
const meetingBriefingCost = 8 * analysisCost

// consultationComplexity sets the costs of the consultation fields: lists
// by the page they ask for, as the other lists.
func consultationComplexity(c *graph.ComplexityRoot) {
	c.Query.Consultations = func(child int, _ *string, first *int, _ *string, _ *model.Language) int {
		return listCost(child, first, 50)
	}
	c.Consultation.Cycles = func(child int, first *int) int {
		return listCost(child, first, 5)
	}
	c.Cycle.Meetings = func(child int, first *int) int {
		return listCost(child, first, 12)
	}
	// A territory's or organisation's roles: one per role link, at most
	// first.
	c.Territory.Roles = func(child int, first *int) int {
		return listCost(child, first, 50)
	}
	c.Organisation.Roles = func(child int, first *int) int {
		return listCost(child, first, 50)
	}
	c.Meeting.Briefing = func(child int, _ *model.Language) int {
		return meetingBriefingCost + child
	}
}
