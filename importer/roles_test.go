package importer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/importer"
)

// Roles in a territory read from a links sheet, named in Dutch, French or
// English like every fixed list.
func TestReadTerritoryRoles(t *testing.T) {
	links := "soort;van;naar;rollen;bron\n" +
		"HOLDS_ROLE;org:a;territory:t;wijkcoördinator|Wijkcomité voor gezondheid;\n" +
		"rol in de wijk (persoon);person:p;territory:t;référent de quartier;\n" +
		"voorziene rol in de wijk;project:p;territory:t;buurtzorgregisseur, community connector;verslag\n"
	net, rep, err := importer.ReadCSV(context.Background(), "relaties", strings.NewReader(links))
	require.NoError(t, err)
	require.Empty(t, rep.Problems)
	require.Len(t, net.Links, 3)
	assert.Equal(t, buurtnet.LinkHoldsRole, net.Links[0].Kind)
	assert.Equal(t, []buurtnet.TerritoryRole{buurtnet.RoleNeighbourhoodCoordinator, buurtnet.RoleHealthCommittee}, net.Links[0].TerritoryRoles)
	assert.Equal(t, buurtnet.LinkPersonHoldsRole, net.Links[1].Kind)
	assert.Equal(t, []buurtnet.TerritoryRole{buurtnet.RoleNeighbourhoodReferent}, net.Links[1].TerritoryRoles)
	assert.Equal(t, buurtnet.LinkForeseesRole, net.Links[2].Kind)
	assert.Equal(t, []buurtnet.TerritoryRole{buurtnet.RoleCareDirector, buurtnet.RoleCommunityConnector}, net.Links[2].TerritoryRoles)

	_, rep, err = importer.ReadCSV(context.Background(), "relaties", strings.NewReader("soort;van;naar;rollen\nHOLDS_ROLE;org:a;territory:t;burgemeester\n"))
	require.NoError(t, err)
	require.NotEmpty(t, rep.Problems, "a role not on the list is a problem of its cell")
}
