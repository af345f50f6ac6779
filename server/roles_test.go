package server_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// End-to-end answers from the seeds for the roles in a territory (issue 12):
// the roles BOOST foresees in each of its neighbourhoods show as vacant, not
// as held by anyone the leaflet does not name; a holder makes a role held,
// and a contact person holding one is shown to signed-in readers only.

type rolesJSON struct {
	Node struct {
		Roles []struct {
			Role         string
			Territory    struct{ ID string }
			Organisation *struct{ ID string }
			Person       *struct{ ID string }
			Vacant       bool
			ForeseenBy   *struct{ ID string }
			Period       struct{ Start *string }
			Source       *string
		}
	}
}

const rolesQuery = `query($id: ID!) { node(id: $id) { ... on Territory { roles {
	role territory { id } organisation { id } person { id } vacant foreseenBy { id } period { start } source } } } }`

// rolesOf returns a territory's roles as "ROLE holder" lines, holder being
// the organisation, the person, "person hidden" or "vacant, foreseen by P".
func rolesOf(t *testing.T, s *demoServer, territory string) []string {
	t.Helper()
	var got rolesJSON
	s.mustDo(t, rolesQuery, map[string]any{"id": territory}, &got)
	var out []string
	for _, r := range got.Node.Roles {
		assert.Equal(t, territory, r.Territory.ID)
		holder := "person hidden"
		switch {
		case r.Vacant:
			require.NotNil(t, r.ForeseenBy, "a vacant role says who foresees it")
			holder = "vacant, foreseen by " + r.ForeseenBy.ID
		case r.Organisation != nil:
			holder = r.Organisation.ID
		case r.Person != nil:
			holder = r.Person.ID
		}
		out = append(out, r.Role+" "+holder)
	}
	return out
}

func TestRolesInTerritory(t *testing.T) {
	s := newDemoServer(t)
	foreseen := []string{
		"NEIGHBOURHOOD_COORDINATOR vacant, foreseen by project:boost",
		"HEALTH_COMMITTEE vacant, foreseen by project:boost",
		"COMMUNITY_CONNECTOR vacant, foreseen by project:boost",
		"NEIGHBOURHOOD_REFERENT vacant, foreseen by project:boost",
		"CARE_REFERENT vacant, foreseen by project:boost",
	}

	t.Run("SeedRolesWithoutPersons", func(t *testing.T) {
		for _, territory := range []string{"territory:broekwijk", "territory:brabantwijk", "territory:zone-anneessens-stalingrad"} {
			assert.Equal(t, foreseen, rolesOf(t, s, territory), territory)
		}
		var got rolesJSON
		s.mustDo(t, rolesQuery, map[string]any{"id": "territory:broekwijk"}, &got)
		require.NotEmpty(t, got.Node.Roles)
		assert.Equal(t, "000_9a739c299c458d79.txt", *got.Node.Roles[0].Source)
		assert.Nil(t, got.Node.Roles[0].Period.Start, "the leaflet says \"op termijn\": no date")
		// Where BOOST is not, no role is foreseen.
		assert.Empty(t, rolesOf(t, s, "territory:stalingradwijk"))
	})

	t.Run("HeldByAnOrganisationAndAPerson", func(t *testing.T) {
		s := newDemoServer(t)
		var created struct{ CreatePerson struct{ ID string } }
		s.mustDo(t, `mutation { createPerson(input: {name: "Fictieve Wijkcoördinator"}) { id } }`, nil, &created)
		person := created.CreatePerson.ID
		s.mustDo(t, `mutation($p: ID!) {
			a: link(input: {kind: HOLDS_ROLE, from: "org:brusano", to: "territory:broekwijk", territoryRoles: [HEALTH_COMMITTEE, CARE_REFERENT], period: {start: "2020-01-01"}}) { territoryRoles }
			b: link(input: {kind: PERSON_HOLDS_ROLE, from: $p, to: "territory:broekwijk", territoryRoles: [NEIGHBOURHOOD_COORDINATOR]}) { kind } }`,
			map[string]any{"p": person}, nil)

		assert.Equal(t, []string{
			"NEIGHBOURHOOD_COORDINATOR " + person,
			"HEALTH_COMMITTEE org:brusano",
			"CARE_REFERENT org:brusano",
			"COMMUNITY_CONNECTOR vacant, foreseen by project:boost",
			"NEIGHBOURHOOD_REFERENT vacant, foreseen by project:boost",
		}, rolesOf(t, s, "territory:broekwijk"))

		anonymous := s.as(t, "")
		assert.Equal(t, "NEIGHBOURHOOD_COORDINATOR person hidden", rolesOf(t, anonymous, "territory:broekwijk")[0],
			"held for every reader, the person for signed-in readers only")

		var org struct {
			Node struct {
				Roles []struct {
					Role      string
					Territory struct{ ID string }
				}
			}
		}
		s.mustDo(t, `{ node(id: "org:brusano") { ... on Organisation { roles { role territory { id } } } } }`, nil, &org)
		require.Len(t, org.Node.Roles, 2)
		assert.Equal(t, "HEALTH_COMMITTEE", org.Node.Roles[0].Role)
		assert.Equal(t, "territory:broekwijk", org.Node.Roles[0].Territory.ID)

		s.mustDo(t, `mutation { updateLink(kind: HOLDS_ROLE, from: "org:brusano", to: "territory:broekwijk", patch: {territoryRoles: [COMMUNITY_CONNECTOR]}) { kind } }`, nil, nil)
		assert.Contains(t, rolesOf(t, s, "territory:broekwijk"), "HEALTH_COMMITTEE vacant, foreseen by project:boost")
	})

	t.Run("Errors", func(t *testing.T) {
		s := newDemoServer(t)
		s.expectError(t, `mutation { link(input: {kind: HOLDS_ROLE, from: "org:brusano", to: "territory:broekwijk"}) { kind } }`, nil, "INVALID", "territoryRoles")
		s.expectError(t, `mutation { link(input: {kind: FORESEES_ROLE, from: "project:citisen", to: "territory:brabantwijk", territoryRoles: [CARE_DIRECTOR]}) { kind } }`, nil, "INVALID", "source")
		s.expectError(t, `mutation { link(input: {kind: SERVES, from: "org:brusano", to: "territory:broekwijk", territoryRoles: [CARE_DIRECTOR]}) { kind } }`, nil, "INVALID", "territoryRoles")
		s.expectError(t, `{ node(id: "territory:broekwijk") { ... on Territory { roles(first: 0) { role } } } }`, nil, "INVALID", "first")
	})
}
