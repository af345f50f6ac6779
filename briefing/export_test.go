package briefing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

func TestParseRequest(t *testing.T) {
	for _, c := range []struct {
		name, subject string
		params        briefing.Params
		field         string
	}{
		{"ErrSubject", "minutes", briefing.Params{Territory: "brabantwijk"}, "subject"},
		{"ErrFormat", "briefing", briefing.Params{Territory: "brabantwijk", Format: "docx"}, "format"},
		{"ErrNetworkFormat", "network", briefing.Params{Format: "xlsx"}, "format"},
		{"ErrOn", "briefing", briefing.Params{Territory: "brabantwijk", On: "26/11/2026"}, "on"},
		{"ErrSince", "briefing", briefing.Params{Territory: "brabantwijk", Since: "yesterday"}, "since"},
		{"ErrPart", "briefing", briefing.Params{Territory: "brabantwijk", Part: "minutes"}, "part"},
		{"ErrPartJSON", "briefing", briefing.Params{Territory: "brabantwijk", Format: "json", Part: "gaps"}, "part"},
		{"ErrPartNetwork", "network", briefing.Params{Part: "gaps"}, "part"},
		{"ErrTerritory", "briefing", briefing.Params{}, "territory"},
		{"ErrNetworkThemeWithoutTerritory", "network", briefing.Params{Theme: "preventie"}, "territory"},
		{"ErrLang", "briefing", briefing.Params{Territory: "brabantwijk", Lang: "de"}, "lang"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := briefing.ParseRequest(c.subject, c.params)
			require.Error(t, err)
			assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
			assert.Equal(t, c.field, buurtnet.ErrorField(err))
		})
	}
}

func TestRequestFiles(t *testing.T) {
	for _, c := range []struct {
		subject     string
		params      briefing.Params
		name, mtype string
	}{
		{"briefing", briefing.Params{Territory: "brabantwijk"}, "briefing-brabantwijk-2026-11-26.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"briefing", briefing.Params{Territory: "territory:brabantwijk", Theme: "sociale-isolatie", On: "2027-01-20", Format: "csv"}, "briefing-brabantwijk-sociale-isolatie-2027-01-20.zip", "application/zip"},
		{"briefing", briefing.Params{Territory: "brabantwijk", Format: "CSV-RFC4180", Part: "Synergies"}, "briefing-brabantwijk-2026-11-26-synergies.csv", "text/csv; charset=utf-8"},
		{"briefing", briefing.Params{Territory: "brabantwijk", Format: "html", Lang: "fr-BE"}, "briefing-brabantwijk-2026-11-26.html", "text/html; charset=utf-8"},
		{"briefing", briefing.Params{Territory: "brabantwijk", Format: "md"}, "briefing-brabantwijk-2026-11-26.md", "text/markdown; charset=utf-8"},
		{"briefing", briefing.Params{Territory: "brabantwijk", Format: "json"}, "briefing-brabantwijk-2026-11-26.json", "application/json"},
		{"network", briefing.Params{}, "network-2026-11-26.graphml", "application/graphml+xml"},
		{"network", briefing.Params{Format: "gexf", Territory: "brussels-region"}, "network-brussels-region-2026-11-26.gexf", "application/gexf+xml"},
		{"network", briefing.Params{Format: "yaml"}, "network-2026-11-26.yaml", "application/yaml"},
	} {
		r, err := briefing.ParseRequest(c.subject, c.params)
		require.NoError(t, err, c.name)
		r.Scope.Today = today
		assert.Equal(t, c.name, r.Filename())
		assert.Equal(t, c.mtype, r.ContentType(), c.name)
	}
}

// TestFilenameASCII: whatever an id holds, the file name is safe to put
// in a header and a shell.
func TestFilenameASCII(t *testing.T) {
	r := &briefing.Request{Subject: briefing.SubjectBriefing, Format: briefing.FormatMarkdown,
		Scope: briefing.Scope{Territory: `territory:Saint-Gilles/Sint-Gillis "bas" é`, Today: today}}
	assert.Equal(t, "briefing-saint-gilles-sint-gillis-bas-e-2026-11-26.md", r.Filename())
}

// TestLabels: every value an enum can take has a word in every language,
// so no rendering shows a code such as CO_CREATE.
func TestLabels(t *testing.T) {
	db := demoStore(t)
	b := build(t, db, briefing.Scope{Territory: "brabantwijk"}, buurtnet.FR)
	for _, s := range buurtnet.Sectors {
		b.Participants[0].Sectors = append(b.Participants[0].Sectors, s)
	}
	for _, lang := range []buurtnet.Lang{buurtnet.NL, buurtnet.FR, buurtnet.EN} {
		b.Lang = lang
		for _, status := range buurtnet.ProjectStatuses {
			b.Projects[0].Status = status
			assertNoCodes(t, briefing.Tables(b, briefing.PartProjects))
		}
		for _, level := range buurtnet.FunderLevels {
			b.Funding[0].Level = level
			assertNoCodes(t, briefing.Tables(b, briefing.PartFunding))
		}
		for _, c := range buurtnet.LanguageCommunities {
			b.Participants[0].LanguageCommunity = c
			assertNoCodes(t, briefing.Tables(b, briefing.PartParticipants))
		}
		for _, role := range buurtnet.Roles {
			for _, level := range buurtnet.StakeholderLevels {
				b.Participants[0].Roles[0].Role, b.Participants[0].Roles[0].Level = role, level
				assertNoCodes(t, briefing.Tables(b, briefing.PartParticipants))
			}
		}
		b.Changes = nil
		for _, e := range []briefing.Event{briefing.EventStarted, briefing.EventEnded, briefing.EventAdded} {
			for _, k := range []buurtnet.LinkKind{"", buurtnet.LinkParticipatesIn, buurtnet.LinkActiveIn, buurtnet.LinkFunds, buurtnet.LinkCollaboratesWith} {
				b.Changes = append(b.Changes, briefing.Change{Event: e, Link: k})
			}
		}
		assertNoCodes(t, briefing.Tables(b))
	}
}

func assertNoCodes(t *testing.T, ts []briefing.Table) {
	t.Helper()
	for _, tb := range ts {
		for _, row := range tb.Rows {
			for _, cell := range row {
				if s, ok := cell.(string); ok {
					for _, prefix := range []string{"status.", "role.", "level.", "spatial.", "community.", "funderLevel.", "framework.", "event.", "link.", "sector."} {
						assert.NotContains(t, s, prefix, "%s: a label is missing", tb.Part)
					}
				}
			}
		}
	}
}
