package server_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const createTerritory = `mutation($in: TerritoryInput!) { createTerritory(input: $in) { id name(lang: FR) kind createdAt updatedAt } }`

func TestMutations(t *testing.T) {
	s := newDemoServer(t)

	t.Run("CreateUpdateDelete", func(t *testing.T) {
		var created struct {
			CreateTerritory struct{ ID, Name, Kind, CreatedAt, UpdatedAt string }
		}
		s.mustDo(t, createTerritory, map[string]any{"in": map[string]any{
			"id": "territory:test-noordwijk", "name": map[string]any{"nl": "Noordwijk", "fr": "Quartier Nord"}, "kind": "NEIGHBOURHOOD"}}, &created)
		assert.Equal(t, "territory:test-noordwijk", created.CreateTerritory.ID)
		assert.Equal(t, "Quartier Nord", created.CreateTerritory.Name)
		assert.NotEmpty(t, created.CreateTerritory.CreatedAt)

		var updated struct {
			UpdateTerritory struct {
				Name  string
				Names struct{ NL, FR string }
				Kind  string
			}
		}
		s.mustDo(t, `mutation { updateTerritory(id: "territory:test-noordwijk", patch: {kind: ZONE}) { name names { nl fr } kind } }`, nil, &updated)
		assert.Equal(t, "ZONE", updated.UpdateTerritory.Kind)
		assert.Equal(t, "Noordwijk", updated.UpdateTerritory.Name, "patch leaves the name alone")

		var linked struct{ Link struct{ Kind string } }
		s.mustDo(t, `mutation { link(input: {kind: PART_OF, from: "territory:test-noordwijk", to: "territory:schaarbeek"}) { kind from { id } to { id } } }`, nil, &linked)
		assert.Equal(t, "PART_OF", linked.Link.Kind)

		var parts struct {
			Node struct{ Parts []struct{ ID string } }
		}
		s.mustDo(t, `{ node(id: "territory:schaarbeek") { ... on Territory { parts { id } } } }`, nil, &parts)
		assert.Contains(t, ids(parts.Node.Parts, func(p struct{ ID string }) string { return p.ID }), "territory:test-noordwijk")

		var deleted struct{ DeleteTerritory string }
		s.mustDo(t, `mutation { deleteTerritory(id: "territory:test-noordwijk") }`, nil, &deleted)
		var after struct{ Node *struct{ ID string } }
		s.mustDo(t, `{ node(id: "territory:test-noordwijk") { id } }`, nil, &after)
		assert.Nil(t, after.Node)
	})

	t.Run("LinkPropertiesRoundTrip", func(t *testing.T) {
		var got struct {
			Link struct {
				Amount float64
				Period struct{ Start, End string }
			}
		}
		s.mustDo(t, `mutation { link(input: {kind: FUNDS, from: "funder:innoviris", to: "project:citisen", amount: "12500,50", period: {start: "2020-01-01", end: "2020-12-31"}}) { amount period { start end } } }`, nil, &got)
		assert.Equal(t, 12500.50, got.Link.Amount)
		assert.Equal(t, "2020-12-31", got.Link.Period.End)
		var upd struct{ UpdateLink struct{ Amount float64 } }
		s.mustDo(t, `mutation { updateLink(kind: FUNDS, from: "funder:innoviris", to: "project:citisen", patch: {amount: 100}) { amount } }`, nil, &upd)
		assert.Equal(t, 100.0, upd.UpdateLink.Amount)
		var un struct{ Unlink bool }
		s.mustDo(t, `mutation { unlink(kind: FUNDS, from: "funder:innoviris", to: "project:citisen") }`, nil, &un)
		assert.True(t, un.Unlink)
	})

	t.Run("EnterpriseNumber", func(t *testing.T) {
		// 0123.456.749: 97 - 1234567 mod 97 = 49, a fictional but valid number.
		var got struct {
			CreateOrganisation struct{ EnterpriseNumber string }
		}
		s.mustDo(t, `mutation { createOrganisation(input: {name: {nl: "Testvereniging"}, enterpriseNumber: "BE 0123 456 749"}) { enterpriseNumber } }`, nil, &got)
		assert.Equal(t, "0123.456.749", got.CreateOrganisation.EnterpriseNumber)
		s.expectError(t, `mutation { createOrganisation(input: {name: {nl: "Tweede"}, enterpriseNumber: "0123456749"}) { id } }`, nil, "CONFLICT", "enterpriseNumber")
		s.expectError(t, `mutation { createOrganisation(input: {name: {nl: "Derde"}, enterpriseNumber: "0123.456.748"}) { id } }`, nil, "INVALID", "enterpriseNumber")
		var found struct {
			Organisations struct{ TotalCount int }
		}
		s.mustDo(t, `{ organisations(filter: {enterpriseNumber: "0123456749"}) { totalCount } }`, nil, &found)
		assert.Equal(t, 1, found.Organisations.TotalCount)
	})

	t.Run("Errors", func(t *testing.T) {
		var before struct{ Projects struct{ TotalCount int } }
		s.mustDo(t, `{ projects { totalCount } }`, nil, &before)

		for _, c := range []struct {
			name, query, code, field string
		}{
			{"EmptyName", `mutation { createProject(input: {name: {nl: "  "}}) { id } }`, "INVALID", "name"},
			{"PeriodEndsBeforeStart", `mutation { createProject(input: {name: {nl: "X"}, period: {start: "2021-01-01", end: "2020-01-01"}}) { id } }`, "INVALID", "period.end"},
			{"BadDate", `mutation { createProject(input: {name: {nl: "X"}, period: {start: "2021-13-01"}}) { id } }`, "INVALID", ""},
			{"UnknownEnd", `mutation { link(input: {kind: ACTIVE_IN, from: "project:boost", to: "territory:nowhere"}) { kind } }`, "NOT_FOUND", "to"},
			{"WrongKindEnd", `mutation { link(input: {kind: ACTIVE_IN, from: "project:boost", to: "org:brusano"}) { kind } }`, "INVALID", "to"},
			{"DuplicateLink", `mutation { link(input: {kind: PARTICIPATES_IN, from: "org:brusano", to: "project:boost"}) { kind } }`, "CONFLICT", "to"},
			{"DuplicateSymmetricReversed", `mutation { link(input: {kind: COLLABORATES_WITH, from: "project:citisen", to: "project:boost"}) { kind } }`, "CONFLICT", "to"},
			{"PartOfItself", `mutation { link(input: {kind: PART_OF, from: "territory:brabantwijk", to: "territory:brabantwijk"}) { kind } }`, "INVALID", "to"},
			{"Cycle", `mutation { link(input: {kind: PART_OF, from: "territory:brussels-region", to: "territory:brabantwijk"}) { kind } }`, "CONFLICT", "to"},
			// BOOST's action package is part of the BOOST programme (demo network).
			{"ProgrammeCycle", `mutation { link(input: {kind: PART_OF_PROGRAMME, from: "project:boost-programma", to: "project:boost"}) { kind } }`, "CONFLICT", "to"},
			{"SecondProgramme", `mutation { link(input: {kind: PART_OF_PROGRAMME, from: "project:boost", to: "project:citisen"}) { kind } }`, "CONFLICT", "to"},
			{"PropertyOfOtherKind", `mutation { link(input: {kind: ADDRESSES, from: "project:boost", to: "theme:preventie", amount: 5}) { kind } }`, "INVALID", "amount"},
			{"UpdateUnknown", `mutation { updateProject(id: "project:nope", patch: {status: PILOT}) { id } }`, "NOT_FOUND", ""},
			{"UpdateBreaksRule", `mutation { updateProject(id: "project:boost", patch: {period: {start: "2022-01-01", end: "2019-01-01"}}) { id } }`, "INVALID", "period.end"},
			{"DeleteUnknown", `mutation { deleteFunder(id: "funder:nope") }`, "NOT_FOUND", ""},
			{"DeleteWrongKind", `mutation { deleteFunder(id: "project:boost") }`, "INVALID", "id"},
			{"BadEnum", `mutation { createTerritory(input: {name: {nl: "X"}, kind: VILLAGE}) { id } }`, "GRAPHQL_VALIDATION_FAILED", ""},
		} {
			t.Run(c.name, func(t *testing.T) { s.expectError(t, c.query, nil, c.code, c.field) })
		}

		var after struct{ Projects struct{ TotalCount int } }
		s.mustDo(t, `{ projects { totalCount } }`, nil, &after)
		assert.Equal(t, before.Projects.TotalCount, after.Projects.TotalCount, "failed mutations changed nothing")
		var boost struct {
			Node struct{ Period struct{ Start, End string } }
		}
		s.mustDo(t, `{ node(id: "project:boost") { ... on Project { period { start end } } } }`, nil, &boost)
		assert.Equal(t, "2019-09-01", boost.Node.Period.Start, "a refused update leaves the stored project as it was")
	})

	t.Run("TermsAndFunctions", func(t *testing.T) {
		var got struct {
			CreateFunction struct {
				ID, Framework string
				Number        int
			}
		}
		s.mustDo(t, `mutation { createFunction(input: {id: "function:test-extra", name: {nl: "Extra"}, framework: VVSG_FUNCTIONS, number: 8}) { id framework number } }`, nil, &got)
		assert.Equal(t, "VVSG_FUNCTIONS", got.CreateFunction.Framework)
		s.expectError(t, `mutation { createFunction(input: {name: {nl: "Negen"}, framework: VVSG_FUNCTIONS, number: 9}) { id } }`, nil, "INVALID", "number")
		var theme struct{ CreateTheme struct{ ID string } }
		s.mustDo(t, `mutation { createTheme(input: {name: {nl: "Wonen", fr: "Logement"}}) { id } }`, nil, &theme)
		require.Regexp(t, `^theme:`, theme.CreateTheme.ID)
		var node struct {
			Node struct {
				Typename string `json:"__typename"`
			}
		}
		s.mustDo(t, `query($id: ID!) { node(id: $id) { __typename } }`, map[string]any{"id": theme.CreateTheme.ID}, &node)
		assert.Equal(t, "Theme", node.Node.Typename)
	})
}
