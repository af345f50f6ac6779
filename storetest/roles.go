package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// testRoles: the neighbourhood roles of a territory, held by an
// organisation or a person or foreseen by a project, read back from the
// store's links by the domain's one rule.
func testRoles(t *testing.T, open Opener) {
	roles := func(rs ...buurtnet.TerritoryRole) []buurtnet.TerritoryRole { return rs }
	setup := func(t *testing.T) buurtnet.Store {
		s := open(t)
		base(t, s)
		ctx := t.Context()
		foreseen := withSource(link(buurtnet.LinkForeseesRole, "project:p1", "territory:t2"))
		foreseen.TerritoryRoles = roles(buurtnet.RoleNeighbourhoodCoordinator, buurtnet.RoleHealthCommittee, buurtnet.RoleCommunityConnector)
		held := link(buurtnet.LinkHoldsRole, "org:o1", "territory:t2")
		held.TerritoryRoles = roles(buurtnet.RoleHealthCommittee)
		person := link(buurtnet.LinkPersonHoldsRole, "person:pe1", "territory:t2")
		person.TerritoryRoles, person.Period = roles(buurtnet.RoleNeighbourhoodCoordinator), period("2021-01-01", "")
		for _, l := range []*buurtnet.Link{foreseen, held, person} {
			require.NoError(t, s.CreateLink(ctx, l))
		}
		return s
	}
	inTerritory := func(t *testing.T, s buurtnet.Store) []string {
		ls, err := s.Links(t.Context(), buurtnet.LinkQuery{
			Kinds: []buurtnet.LinkKind{buurtnet.LinkHoldsRole, buurtnet.LinkPersonHoldsRole, buurtnet.LinkForeseesRole},
			To:    []string{"territory:t2"}})
		require.NoError(t, err)
		var out []string
		for _, r := range buurtnet.RolesInTerritory(ls) {
			state := "held by "
			if r.Vacant() {
				state = "foreseen by "
			}
			out = append(out, string(r.Role)+" "+state+r.Link.From)
		}
		return out
	}

	t.Run("HeldAndVacant", func(t *testing.T) {
		s := setup(t)
		assert.Equal(t, []string{
			"NEIGHBOURHOOD_COORDINATOR held by person:pe1",
			"HEALTH_COMMITTEE held by org:o1",
			"COMMUNITY_CONNECTOR foreseen by project:p1",
		}, inTerritory(t, s))
	})

	t.Run("UpdateReplacesRoles", func(t *testing.T) {
		s := setup(t)
		got, err := s.UpdateLink(t.Context(), key(buurtnet.LinkHoldsRole, "org:o1", "territory:t2"),
			buurtnet.LinkUpdate{TerritoryRoles: ptr(roles(buurtnet.RoleCommunityConnector, buurtnet.RoleCareReferent))})
		require.NoError(t, err)
		assert.Equal(t, roles(buurtnet.RoleCommunityConnector, buurtnet.RoleCareReferent), got.TerritoryRoles)
		assert.Equal(t, []string{
			"NEIGHBOURHOOD_COORDINATOR held by person:pe1",
			"COMMUNITY_CONNECTOR held by org:o1",
			"CARE_REFERENT held by org:o1",
			"HEALTH_COMMITTEE foreseen by project:p1",
		}, inTerritory(t, s), "the committee nobody holds any more shows as foreseen, not as gone")
	})

	t.Run("ErrUpdateEmptyRoles", func(t *testing.T) {
		s := setup(t)
		before := snapshot(t, s)
		_, err := s.UpdateLink(t.Context(), key(buurtnet.LinkHoldsRole, "org:o1", "territory:t2"),
			buurtnet.LinkUpdate{TerritoryRoles: ptr([]buurtnet.TerritoryRole{})})
		requireErr(t, err, buurtnet.EINVALID, "territoryRoles")
		requireUnchanged(t, s, before)
	})

	for _, tc := range []struct {
		name  string
		link  *buurtnet.Link
		field string
	}{
		{"ErrNoRole", link(buurtnet.LinkHoldsRole, "org:o2", "territory:t1"), "territoryRoles"},
		{"ErrForeseenWithoutSource", func() *buurtnet.Link {
			l := link(buurtnet.LinkForeseesRole, "project:p2", "territory:t1")
			l.TerritoryRoles = roles(buurtnet.RoleCareDirector)
			return l
		}(), "source"},
		{"ErrPersonRoleFromOrganisation", func() *buurtnet.Link {
			l := link(buurtnet.LinkPersonHoldsRole, "org:o2", "territory:t1")
			l.TerritoryRoles = roles(buurtnet.RoleCareDirector)
			return l
		}(), "from"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := setup(t)
			before := snapshot(t, s)
			requireErr(t, s.CreateLink(t.Context(), tc.link), buurtnet.EINVALID, tc.field)
			requireUnchanged(t, s, before)
		})
	}
}
