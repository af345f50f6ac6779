package importer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet/importer"
)

// TestImportedNamesAndWebsites puts the domain's refusals of unreadable
// names and non-web addresses on the cells that hold them.
func TestImportedNamesAndWebsites(t *testing.T) {
	csv := "naam_nl;nom_fr;website\n" +
		"Wijkhuis;Maison\u202E;https://wijkhuis.example\n" +
		"Buurthuis;;javascript:alert(1)\n" +
		"\u200b;Centre;\n"
	net, rep, err := importer.ReadCSV(context.Background(), "organisations", strings.NewReader(csv))
	require.NoError(t, err)
	assert.Equal(t, []at{
		{"organisations", 2, "nom_fr"},
		{"organisations", 3, "website"},
		{"organisations", 4, "naam_nl"},
	}, places(rep.Problems))
	assert.Empty(t, net.Organisations)
}
