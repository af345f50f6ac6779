package export_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
	"github.com/buurtnet/buurtnet/briefing/briefingtest"
	"github.com/buurtnet/buurtnet/export"
)

func TestParseRequest(t *testing.T) {
	for _, c := range []struct {
		name, subject string
		params        export.Params
		field         string
	}{
		{"ErrSubject", "minutes", export.Params{Territory: "brabantwijk"}, "subject"},
		{"ErrFormat", "briefing", export.Params{Territory: "brabantwijk", Format: "docx"}, "format"},
		{"ErrNetworkFormat", "network", export.Params{Format: "xlsx"}, "format"},
		{"ErrOn", "briefing", export.Params{Territory: "brabantwijk", On: "26/11/2026"}, "on"},
		{"ErrSince", "briefing", export.Params{Territory: "brabantwijk", Since: "yesterday"}, "since"},
		{"ErrPart", "briefing", export.Params{Territory: "brabantwijk", Part: "minutes"}, "part"},
		{"ErrPartJSON", "briefing", export.Params{Territory: "brabantwijk", Format: "json", Part: "gaps"}, "part"},
		{"ErrPartNetwork", "network", export.Params{Part: "gaps"}, "part"},
		{"ErrTerritory", "briefing", export.Params{}, "territory"},
		{"ErrNetworkThemeWithoutTerritory", "network", export.Params{Theme: "preventie"}, "territory"},
		{"ErrLang", "briefing", export.Params{Territory: "brabantwijk", Lang: "de"}, "lang"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := export.ParseRequest(c.subject, c.params)
			require.Error(t, err)
			assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
			assert.Equal(t, c.field, buurtnet.ErrorField(err))
		})
	}
}

func TestRequestFiles(t *testing.T) {
	for _, c := range []struct {
		subject     string
		params      export.Params
		name, mtype string
	}{
		{"briefing", export.Params{Territory: "brabantwijk"}, "briefing-brabantwijk-2026-11-26.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"briefing", export.Params{Territory: "territory:brabantwijk", Theme: "sociale-isolatie", On: "2027-01-20", Format: "csv"}, "briefing-brabantwijk-sociale-isolatie-2027-01-20.zip", "application/zip"},
		{"briefing", export.Params{Territory: "brabantwijk", Format: "CSV-RFC4180", Part: "Synergies"}, "briefing-brabantwijk-2026-11-26-synergies.csv", "text/csv; charset=utf-8"},
		{"briefing", export.Params{Territory: "brabantwijk", Format: "html", Lang: "fr-BE"}, "briefing-brabantwijk-2026-11-26.html", "text/html; charset=utf-8"},
		{"briefing", export.Params{Territory: "brabantwijk", Format: "md"}, "briefing-brabantwijk-2026-11-26.md", "text/markdown; charset=utf-8"},
		{"briefing", export.Params{Territory: "brabantwijk", Format: "json"}, "briefing-brabantwijk-2026-11-26.json", "application/json"},
		{"network", export.Params{}, "network-2026-11-26.graphml", "application/graphml+xml"},
		{"network", export.Params{Format: "gexf", Territory: "brussels-region"}, "network-brussels-region-2026-11-26.gexf", "application/gexf+xml"},
		{"network", export.Params{Format: "yaml"}, "network-2026-11-26.yaml", "application/yaml"},
	} {
		r, err := export.ParseRequest(c.subject, c.params)
		require.NoError(t, err, c.name)
		r.Scope.Today = briefingtest.Today
		assert.Equal(t, c.name, r.Filename())
		assert.Equal(t, c.mtype, r.ContentType(), c.name)
	}
}

// TestFilenameASCII: whatever an id holds, the file name is safe to put
// in a header and a shell.
func TestFilenameASCII(t *testing.T) {
	r := &export.Request{Subject: export.SubjectBriefing, Format: export.FormatMarkdown,
		Scope: briefing.Scope{Territory: `territory:Saint-Gilles/Sint-Gillis "bas" é`, Today: briefingtest.Today}}
	assert.Equal(t, "briefing-saint-gilles-sint-gillis-bas-e-2026-11-26.md", r.Filename())
}
