package storetest

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/export"
	"github.com/buurtnet/buurtnet/importer"
)

// testExportImport exports the demo network the way a facilitator would
// (GET /export/network, buurtnet export network) and imports the file into
// an empty store (buurtnet import): the two stores must hold the same graph.
// Contact persons are included, as a signed-in export has them.
func testExportImport(t *testing.T, open Opener) {
	network, err := demo.Network()
	require.NoError(t, err)
	network.Persons = []*buurtnet.Person{{ID: "person:contact", Name: "Voorbeeld Contactpersoon", Email: "contact@voorbeeld.example"}}
	network.Links = append(network.Links, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkWorksAt, From: "person:contact", To: "org:brusano"}})
	ctx := buurtnet.WithActor(t.Context(), buurtnet.Actor{Name: "test", Role: buurtnet.RoleAdmin})

	for _, format := range []string{"json", "yaml"} {
		t.Run(format, func(t *testing.T) {
			var file bytes.Buffer
			var want *buurtnet.Network
			t.Run("Export", func(t *testing.T) {
				a := open(t)
				Load(t, a, network)
				req, err := export.ParseRequest("network", export.Params{Format: format})
				require.NoError(t, err)
				require.NoError(t, req.Write(ctx, a, &file))
				want = sortedNetwork(snapshot(t, a))
			})
			require.NotNil(t, want)
			t.Run("Import", func(t *testing.T) {
				b := open(t)
				net, report, err := importer.Read(ctx, "network."+format, &file)
				require.NoError(t, err)
				result, err := importer.Import(ctx, b, net, report, importer.Options{})
				require.NoError(t, err)
				require.True(t, result.Applied, "problems: %v", result.Problems)
				assert.Equal(t, want, sortedNetwork(snapshot(t, b)))
			})
		})
	}
}
