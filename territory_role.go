package buurtnet

import "sort"

// TerritoryRole is a role someone holds in a neighbourhood for the
// neighbourhood approach: the functions BOOST names "op schaal van een wijk"
// (seed 000) and the buurtzorgregisseur of Buurtgerichte Zorg (seed 004).
type TerritoryRole string

const (
	// RoleNeighbourhoodCoordinator: de wijkcoördinator (seed 000).
	RoleNeighbourhoodCoordinator TerritoryRole = "NEIGHBOURHOOD_COORDINATOR"
	// RoleHealthCommittee: het wijkcomité voor gezondheid, meetings of
	// residents and care providers (seed 000).
	RoleHealthCommittee TerritoryRole = "HEALTH_COMMITTEE"
	// RoleCommunityConnector: een gemeenschapsverbinder (seed 000).
	RoleCommunityConnector TerritoryRole = "COMMUNITY_CONNECTOR"
	// RoleNeighbourhoodReferent: a wijkreferent, turned to the population
	// (seed 000).
	RoleNeighbourhoodReferent TerritoryRole = "NEIGHBOURHOOD_REFERENT"
	// RoleCareReferent: a buurt- of ziekenhuisreferent, turned to the
	// individual patient (seed 000).
	RoleCareReferent TerritoryRole = "CARE_REFERENT"
	// RoleCareDirector: de buurtzorgregisseur, neutral and mandated, who
	// steers the local network (seed 004).
	RoleCareDirector TerritoryRole = "CARE_DIRECTOR"
)

var TerritoryRoles = []TerritoryRole{RoleNeighbourhoodCoordinator, RoleHealthCommittee, RoleCommunityConnector,
	RoleNeighbourhoodReferent, RoleCareReferent, RoleCareDirector}

// Label names the role in lang.
func (r TerritoryRole) Label(lang Lang) string { return ValueLabel(ListTerritoryRole, string(r), lang) }

// validateTerritoryRoles checks the roles of a HOLDS_ROLE, PERSON_HOLDS_ROLE
// or FORESEES_ROLE link: at least one, each of the list, none twice. The list
// is fixed, so its length bounds the input.
func validateTerritoryRoles(field string, roles []TerritoryRole) error {
	if len(roles) == 0 {
		return FieldError(EINVALID, field, "name at least one role (one of %v)", TerritoryRoles)
	}
	seen := make(map[TerritoryRole]bool, len(roles))
	for _, r := range roles {
		if err := validateOneOf(field, r, TerritoryRoles, false); err != nil {
			return err
		}
		if seen[r] {
			return FieldError(EINVALID, field, "%s is named twice", r)
		}
		seen[r] = true
	}
	return nil
}

// RoleInTerritory is one role in a territory: held by the organisation or
// person at the from end of Link (a HOLDS_ROLE or PERSON_HOLDS_ROLE link), or
// foreseen by the project at the from end of Link (FORESEES_ROLE) and held
// by nobody the network knows of.
type RoleInTerritory struct {
	Role  TerritoryRole
	*Link // its period, note and source are the role's
}

// Vacant reports whether nobody is known to hold the role: a project
// describes it for the territory, nobody is named.
func (r RoleInTerritory) Vacant() bool { return r.Link.Kind == LinkForeseesRole }

// RolesInTerritory lists the roles of one territory from its role links:
// every role held, and every role a project foresees there that no link
// holds, so that a role described but not assigned shows as such rather
// than not at all. A person's holding counts as held even for a reader who
// may not see the person: the role is not vacant. Held roles come first,
// each part in the order of TerritoryRoles, then by the from end.
func RolesInTerritory(links []*Link) []RoleInTerritory {
	held := map[TerritoryRole]bool{}
	var out, vacant []RoleInTerritory
	for _, l := range links {
		if l.Kind == LinkHoldsRole || l.Kind == LinkPersonHoldsRole {
			for _, r := range l.TerritoryRoles {
				held[r] = true
				out = append(out, RoleInTerritory{r, l})
			}
		}
	}
	for _, l := range links {
		if l.Kind == LinkForeseesRole {
			for _, r := range l.TerritoryRoles {
				if !held[r] {
					vacant = append(vacant, RoleInTerritory{r, l})
				}
			}
		}
	}
	sortRoles(out)
	sortRoles(vacant)
	return append(out, vacant...)
}

func sortRoles(rs []RoleInTerritory) {
	rank := make(map[TerritoryRole]int, len(TerritoryRoles))
	for i, r := range TerritoryRoles {
		rank[r] = i
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rank[rs[i].Role] != rank[rs[j].Role] {
			return rank[rs[i].Role] < rank[rs[j].Role]
		}
		return rs[i].Link.From < rs[j].Link.From
	})
}
