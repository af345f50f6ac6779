package buurtnet_test

import (
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoleLinksValidate(t *testing.T) {
	ok := buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkHoldsRole, From: "org:a", To: "territory:t"},
		TerritoryRoles: []buurtnet.TerritoryRole{buurtnet.RoleNeighbourhoodCoordinator, buurtnet.RoleCareReferent}}
	require.NoError(t, ok.Validate())

	cases := []struct {
		name  string
		link  buurtnet.Link
		field string
	}{
		{"no role", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkHoldsRole, From: "org:a", To: "territory:t"}}, "territoryRoles"},
		{"unknown role", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPersonHoldsRole, From: "person:a", To: "territory:t"},
			TerritoryRoles: []buurtnet.TerritoryRole{"MAYOR"}}, "territoryRoles"},
		{"twice", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkHoldsRole, From: "org:a", To: "territory:t"},
			TerritoryRoles: []buurtnet.TerritoryRole{buurtnet.RoleCareDirector, buurtnet.RoleCareDirector}}, "territoryRoles"},
		{"foreseen without source", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkForeseesRole, From: "project:a", To: "territory:t"},
			TerritoryRoles: []buurtnet.TerritoryRole{buurtnet.RoleCareDirector}}, "source"},
		{"roles on another kind", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkServes, From: "org:a", To: "territory:t"},
			TerritoryRoles: []buurtnet.TerritoryRole{buurtnet.RoleCareDirector}}, "territoryRoles"},
		{"organisation as person", buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPersonHoldsRole, From: "org:a", To: "territory:t"},
			TerritoryRoles: []buurtnet.TerritoryRole{buurtnet.RoleCareDirector}}, "from"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.link.Validate()
			require.Error(t, err)
			assert.Equal(t, c.field, buurtnet.ErrorField(err))
		})
	}
}

func TestRolesInTerritory(t *testing.T) {
	foreseen := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkForeseesRole, From: "project:boost", To: "territory:t"},
		TerritoryRoles: []buurtnet.TerritoryRole{buurtnet.RoleCommunityConnector, buurtnet.RoleNeighbourhoodCoordinator, buurtnet.RoleHealthCommittee}}
	org := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkHoldsRole, From: "org:a", To: "territory:t"},
		TerritoryRoles: []buurtnet.TerritoryRole{buurtnet.RoleHealthCommittee}}
	person := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkPersonHoldsRole, From: "person:p", To: "territory:t"},
		TerritoryRoles: []buurtnet.TerritoryRole{buurtnet.RoleNeighbourhoodCoordinator}}

	got := buurtnet.RolesInTerritory([]*buurtnet.Link{foreseen, org, person})
	type row struct {
		role   buurtnet.TerritoryRole
		from   string
		vacant bool
	}
	var rows []row
	for _, r := range got {
		rows = append(rows, row{r.Role, r.Link.From, r.Vacant()})
	}
	assert.Equal(t, []row{
		{buurtnet.RoleNeighbourhoodCoordinator, "person:p", false},
		{buurtnet.RoleHealthCommittee, "org:a", false},
		{buurtnet.RoleCommunityConnector, "project:boost", true},
	}, rows, "held roles first; a foreseen role held by someone is not vacant")
}
