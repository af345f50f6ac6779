package resolvers

import (
	"context"
	"sort"

	"github.com/buurtnet/buurtnet"
)

// Helpers of the relation fields: an entity's links of one kind, or the
// entities at their other ends, read through the per-request loaders.

// Direction says which end of its links an entity stands at: a relation
// field follows the links of a kind that start at the entity (Outgoing) or
// end at it (Incoming). A symmetric kind (collaborations, overlapping and
// adjacent territories) is found from either end, so either direction
// answers the same.
type Direction uint8

const (
	// Outgoing follows the links whose From is the entity.
	Outgoing Direction = iota + 1
	// Incoming follows the links whose To is the entity.
	Incoming
)

// partners lists a project's participations, coordinators first.
func partners(ctx context.Context, project string) ([]*buurtnet.Link, error) {
	links, err := linksOf(ctx, buurtnet.LinkParticipatesIn, Incoming, project)
	if err != nil {
		return nil, err
	}
	return coordinatorsFirst(links), nil
}

// coordinators lists the organisations that coordinate a project.
func coordinators(ctx context.Context, project string) ([]*buurtnet.Organisation, error) {
	links, err := linksOf(ctx, buurtnet.LinkParticipatesIn, Incoming, project)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, l := range links {
		if l.Role == buurtnet.RoleCoordinator {
			ids = append(ids, l.From)
		}
	}
	return nodesOf[*buurtnet.Organisation](ctx, ids)
}

// collaborations lists a project's collaborations, each turned so that its
// To is the other project whichever end the link was stored from.
func collaborations(ctx context.Context, project string) ([]*buurtnet.Link, error) {
	links, err := linksOf(ctx, buurtnet.LinkCollaboratesWith, Outgoing, project)
	if err != nil {
		return nil, err
	}
	return facing(links, project), nil
}

// coordinatorsFirst orders participations: coordinators, partners, associates.
func coordinatorsFirst(links []*buurtnet.Link) []*buurtnet.Link {
	rank := map[buurtnet.Role]int{buurtnet.RoleCoordinator: 0, buurtnet.RolePartner: 1, buurtnet.RoleAssociate: 2}
	out := append([]*buurtnet.Link(nil), links...)
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Role] < rank[out[j].Role] })
	return out
}

// facing orients symmetric links so that To is the other end from id.
func facing(links []*buurtnet.Link, id string) []*buurtnet.Link {
	out := make([]*buurtnet.Link, len(links))
	for i, l := range links {
		c := *l
		if c.To == id {
			c.From, c.To = c.To, c.From
		}
		out[i] = &c
	}
	return out
}
