package export_test

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"encoding/csv"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
	"github.com/buurtnet/buurtnet/briefing/briefingtest"
	"github.com/buurtnet/buurtnet/export"
)

// TestGoldenCSV writes the Belgian CSV archive the way HTTP and the command
// line do, and reads every file back with encoding/csv.
func TestGoldenCSV(t *testing.T) {
	db := briefingtest.DemoStore(t)
	for _, c := range []struct {
		scenario int
		lang     string
	}{{0, "nl"}, {1, "fr"}} {
		sc := briefingtest.Scenarios[c.scenario]
		r, err := export.ParseRequest("briefing", export.Params{Territory: sc.Scope.Territory, On: sc.Scope.On.String(), Since: sc.Scope.Since.String(), Format: "csv", Lang: c.lang})
		require.NoError(t, err)
		r.Scope.Today = briefingtest.Today
		var buf bytes.Buffer
		require.NoError(t, r.Write(context.Background(), db, &buf))
		assert.Equal(t, "application/zip", r.ContentType())

		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		require.NoError(t, err)
		require.Len(t, zr.File, len(briefing.Parts))
		b := briefingtest.Build(t, db, sc.Scope, buurtnet.Lang(c.lang))
		tables := briefing.Tables(b)
		for i, f := range zr.File {
			assert.Equal(t, string(briefing.Parts[i])+".csv", f.Name)
			rc, err := f.Open()
			require.NoError(t, err)
			data, err := io.ReadAll(rc)
			require.NoError(t, err)
			briefingtest.Golden(t, "briefing-"+sc.Name+"-"+c.lang+"/"+f.Name, data)

			require.True(t, bytes.HasPrefix(data, []byte("\uFEFF")), "a BOM, so Excel reads UTF-8")
			assert.Equal(t, strings.Count(string(data), "\n"), strings.Count(string(data), "\r\n"), "lines end in CRLF")
			cr := csv.NewReader(bytes.NewReader(data[3:]))
			cr.Comma = ';'
			records, err := cr.ReadAll()
			require.NoError(t, err, f.Name)
			assert.Equal(t, tables[i].Columns, records[0])
			assert.Len(t, records, len(tables[i].Rows)+1, f.Name)
		}
	}
}

func TestCSVRFC4180Part(t *testing.T) {
	db := briefingtest.DemoStore(t)
	r, err := export.ParseRequest("briefing", export.Params{Territory: "brussels-region", Format: "csv-rfc4180", Part: "synergies", Lang: "en"})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, r.Write(context.Background(), db, &buf))
	assert.Equal(t, "text/csv; charset=utf-8", r.ContentType())
	assert.False(t, bytes.HasPrefix(buf.Bytes(), []byte("\uFEFF")), "no BOM")
	assert.Contains(t, buf.String(), "\r\n")
	records, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"Rank", "Project A", "Project B", "Score", "Why"}, records[0])
	b := briefingtest.Build(t, db, briefing.Scope{Territory: "brussels-region"}, buurtnet.EN)
	require.Len(t, records, len(b.Synergies)+1)
	assert.Equal(t, []string{"1", b.Synergies[0].A.Name, b.Synergies[0].B.Name}, records[1][:3])
}

func TestXLSX(t *testing.T) {
	db := briefingtest.DemoStore(t)
	s := briefingtest.Scenarios[1].Scope
	r := &export.Request{Subject: export.SubjectBriefing, Scope: s, Format: export.FormatXLSX}
	var buf bytes.Buffer
	require.NoError(t, r.Write(context.Background(), db, &buf))
	assert.Equal(t, "briefing-brussels-region-2019-10-15.xlsx", r.Filename())

	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	defer f.Close()
	b := briefingtest.Build(t, db, s, buurtnet.NL)
	tables := briefing.Tables(b)
	var titles []string
	for _, tb := range tables {
		titles = append(titles, tb.Title)
	}
	assert.Equal(t, titles, f.GetSheetList())

	for _, tb := range tables {
		rows, err := f.GetRows(tb.Title)
		require.NoError(t, err)
		require.NotEmpty(t, rows)
		assert.Equal(t, tb.Columns, rows[0], tb.Title)
		assert.Len(t, rows, len(tb.Rows)+1, tb.Title)

		panes, err := f.GetPanes(tb.Title)
		require.NoError(t, err)
		assert.True(t, panes.Freeze, "header row frozen")
		assert.Equal(t, 1, panes.YSplit)
		assert.Equal(t, "A2", panes.TopLeftCell)

		id, err := f.GetCellStyle(tb.Title, "A1")
		require.NoError(t, err)
		style, err := f.GetStyle(id)
		require.NoError(t, err)
		require.NotNil(t, style.Font)
		assert.True(t, style.Font.Bold, "header bold")

		width, err := f.GetColWidth(tb.Title, "A")
		require.NoError(t, err)
		assert.True(t, width >= 6 && width <= 50, "width %v from content, capped", width)
	}

	cell := func(sheet, name string) string {
		v, err := f.GetCellValue(sheet, name)
		require.NoError(t, err)
		return v
	}
	assert.Equal(t, "Brussels Hoofdstedelijk Gewest", cell("Overzicht", "B2"))
	assert.Equal(t, "2019-10-15", cell("Overzicht", "B4"))
	assert.Equal(t, b.Synergies[0].A.Name, cell("Synergieën", "B2"))
	typ, err := f.GetCellType("Synergieën", "D2")
	require.NoError(t, err)
	assert.NotEqual(t, excelize.CellTypeSharedString, typ, "the score is a number")
	assert.Equal(t, "Gestart", cell("Wijzigingen", "B2"))
	width, err := f.GetColWidth("Synergieën", "E")
	require.NoError(t, err)
	assert.Equal(t, 50.0, width, "long reasons: capped, and wrapped")
}

// pdfText inflates the content streams of a PDF, where its text is.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	var out bytes.Buffer
	for _, m := range regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`).FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			out.Write(m[1]) // not compressed
			continue
		}
		data, _ := io.ReadAll(r)
		out.Write(data)
	}
	return out.String()
}

func TestPDF(t *testing.T) {
	db := briefingtest.DemoStore(t)
	r, err := export.ParseRequest("briefing", export.Params{Territory: "brussels-region", Format: "pdf", Lang: "fr"})
	require.NoError(t, err)
	r.Scope.Today = briefingtest.Today
	assert.Equal(t, "application/pdf", r.ContentType())
	assert.Equal(t, "briefing-brussels-region-2026-11-26.pdf", r.Filename())
	var first, second bytes.Buffer
	require.NoError(t, r.Write(context.Background(), db, &first))
	require.NoError(t, r.Write(context.Background(), db, &second))
	pdf := first.Bytes()
	require.Equal(t, "%PDF", string(pdf[:4]))
	assert.Equal(t, pdf, second.Bytes(), "the same briefing gives the same bytes")

	pages := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(pdf, -1))
	assert.GreaterOrEqual(t, pages, len(briefing.Parts), "the first page and a page (at least) per part")

	text := pdfText(t, pdf)
	b := briefingtest.Build(t, db, briefing.Scope{Territory: "territory:brussels-region", Today: briefingtest.Today}, buurtnet.FR)
	for _, p := range b.Projects {
		assert.Contains(t, text, "("+latin1(p.Name), "project %s", p.ID)
	}
	assert.Contains(t, text, latin1("Synergies"), "part headings")
	assert.Contains(t, text, latin1("Co-décider"), "accents in Windows-1252, the rings named in French")
	assert.Contains(t, text, latin1("Non couvert"), "the gap matrix marks the gaps")
}

// latin1 is s as the PDF's standard fonts hold it (Windows-1252 agrees
// with Latin-1 on the letters used here); PDF strings escape parentheses.
func latin1(s string) string {
	var b []byte
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '–':
			b = append(b, 0x96)
		case r == '’':
			b = append(b, 0x92)
		case r < 256:
			b = append(b, byte(r))
		default:
			b = append(b, '?')
		}
	}
	return string(b)
}

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
