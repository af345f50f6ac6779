package resolvers

import (
	"context"

	"github.com/buurtnet/buurtnet"
)

// Helpers of the programme fields of a project (PART_OF_PROGRAMME links);
// the generated resolvers call these in one line.

// programme is the project p is an action package of, or nil.
func programme(ctx context.Context, p *buurtnet.Project) (*buurtnet.Project, error) {
	ps, err := neighbours[*buurtnet.Project](ctx, buurtnet.LinkPartOfProgramme, Outgoing, p.ID)
	if err != nil || len(ps) == 0 {
		return nil, err
	}
	return ps[0], nil // a project has one programme at most (the store checks)
}

// actionPackages are the projects that are action packages of p.
func actionPackages(ctx context.Context, p *buurtnet.Project) ([]*buurtnet.Project, error) {
	return neighbours[*buurtnet.Project](ctx, buurtnet.LinkPartOfProgramme, Incoming, p.ID)
}
