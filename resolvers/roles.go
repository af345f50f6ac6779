package resolvers

import (
	"context"
	"fmt"

	"github.com/buurtnet/buurtnet"
)

// Roles in a territory: the neighbourhood roles held by an organisation or a
// contact person, and those a project foresees that nobody is known to hold.
// Which roles are vacant is the domain's rule (RolesInTerritory).

// roleLinkKinds are the links a territory's roles are read from.
var roleLinkKinds = []buurtnet.LinkKind{buurtnet.LinkHoldsRole, buurtnet.LinkPersonHoldsRole, buurtnet.LinkForeseesRole}

// territoryRoles lists the roles of a territory, held first, at most first.
func territoryRoles(ctx context.Context, territory string, first *int) ([]*buurtnet.RoleInTerritory, error) {
	n, err := firstN(first, 50)
	if err != nil {
		return nil, err
	}
	var links []*buurtnet.Link
	for _, k := range roleLinkKinds {
		ls, err := linksOf(ctx, k, Incoming, territory)
		if err != nil {
			return nil, fmt.Errorf("roles of %s: %w", territory, err)
		}
		links = append(links, ls...)
	}
	return firstRoles(buurtnet.RolesInTerritory(links), n), nil
}

// organisationRoles lists the roles an organisation holds, in every
// territory, at most first.
func organisationRoles(ctx context.Context, organisation string, first *int) ([]*buurtnet.RoleInTerritory, error) {
	n, err := firstN(first, 50)
	if err != nil {
		return nil, err
	}
	links, err := linksOf(ctx, buurtnet.LinkHoldsRole, Outgoing, organisation)
	if err != nil {
		return nil, fmt.Errorf("roles of %s: %w", organisation, err)
	}
	return firstRoles(buurtnet.RolesInTerritory(links), n), nil
}

func firstRoles(rs []buurtnet.RoleInTerritory, n int) []*buurtnet.RoleInTerritory {
	out := make([]*buurtnet.RoleInTerritory, 0, min(n, len(rs)))
	for i := range rs[:min(n, len(rs))] {
		out = append(out, &rs[i])
	}
	return out
}

func roleTerritory(ctx context.Context, r *buurtnet.RoleInTerritory) (*buurtnet.Territory, error) {
	return nodeAs[*buurtnet.Territory](ctx, r.To)
}

func roleOrganisation(ctx context.Context, r *buurtnet.RoleInTerritory) (*buurtnet.Organisation, error) {
	if r.Kind != buurtnet.LinkHoldsRole {
		return nil, nil
	}
	return nodeAs[*buurtnet.Organisation](ctx, r.From)
}

// rolePerson is the person holding a role, nil for a reader who may not see
// persons: the role still shows as held (Actor.MayRead, the one rule).
func rolePerson(ctx context.Context, r *buurtnet.RoleInTerritory) (*buurtnet.Person, error) {
	if r.Kind != buurtnet.LinkPersonHoldsRole || guard(ctx, r.From) != nil {
		return nil, nil
	}
	return nodeAs[*buurtnet.Person](ctx, r.From)
}

func roleForeseenBy(ctx context.Context, r *buurtnet.RoleInTerritory) (*buurtnet.Project, error) {
	if !r.Vacant() {
		return nil, nil
	}
	return nodeAs[*buurtnet.Project](ctx, r.From)
}
