package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing/briefingtest"
	"github.com/buurtnet/buurtnet/export"
)

// TestBriefingCSVNeutralisesNames exports a briefing with a project whose
// name is a formula, as an editor could have written it.
func TestBriefingCSVNeutralisesNames(t *testing.T) {
	db := briefingtest.DemoStore(t)
	ctx := context.Background()
	name := `=HYPERLINK("https://evil.example","BOOST")`
	require.NoError(t, db.CreateNode(ctx, &buurtnet.Project{ID: "project:formula", Name: buurtnet.Text{NL: name}}))
	require.NoError(t, db.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:formula", To: "territory:brabantwijk"}}))

	for _, format := range []string{"csv", "csv-rfc4180"} {
		r, err := export.ParseRequest("briefing", export.Params{Territory: "territory:brabantwijk", Format: format, Part: "projects"})
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, r.Write(ctx, db, &buf))
		cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF")))
		cr.Comma = ','
		if format == "csv" {
			cr.Comma = ';'
		}
		records, err := cr.ReadAll()
		require.NoError(t, err)
		var names []string
		for _, rec := range records[1:] {
			names = append(names, rec[0])
			assert.NotContains(t, "=+-@", rec[0][:1], "%s: a cell starts a formula", format)
		}
		assert.Contains(t, names, "'"+name, format)
	}
}
