package briefing_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

// scenarios are the briefings the golden files hold: Brabantwijk today,
// after a meeting in September (nothing changed since), and the Brussels
// region in autumn 2019, when BOOST had just started.
var scenarios = []struct {
	name  string
	scope briefing.Scope
}{
	{"brabantwijk", briefing.Scope{Territory: "territory:brabantwijk", Since: date("2026-09-10"), Today: today}},
	{"brussels-region", briefing.Scope{Territory: "territory:brussels-region", On: date("2019-10-15"), Since: date("2019-06-20"), Today: today}},
}

func build(t testing.TB, store buurtnet.Store, s briefing.Scope, lang buurtnet.Lang) *briefing.Briefing {
	t.Helper()
	s.Lang = lang
	b, err := briefing.Build(context.Background(), store, s)
	require.NoError(t, err)
	return b
}

func TestGoldenMarkdown(t *testing.T) {
	db := demoStore(t)
	for _, sc := range scenarios {
		for _, lang := range []buurtnet.Lang{buurtnet.NL, buurtnet.FR} {
			b := build(t, db, sc.scope, lang)
			var buf bytes.Buffer
			require.NoError(t, briefing.WriteMarkdown(&buf, b, briefing.Tables(b)))
			golden(t, "briefing-"+sc.name+"-"+string(lang)+".md", buf.Bytes())
		}
	}
}

// TestGoldenCSV writes the Belgian CSV archive the way HTTP and the command
// line do, and reads every file back with encoding/csv.
func TestGoldenCSV(t *testing.T) {
	db := demoStore(t)
	for _, c := range []struct {
		scenario int
		lang     string
	}{{0, "nl"}, {1, "fr"}} {
		sc := scenarios[c.scenario]
		r, err := briefing.ParseRequest("briefing", briefing.Params{Territory: sc.scope.Territory, On: sc.scope.On.String(), Since: sc.scope.Since.String(), Format: "csv", Lang: c.lang})
		require.NoError(t, err)
		r.Scope.Today = today
		var buf bytes.Buffer
		require.NoError(t, r.Write(context.Background(), db, &buf))
		assert.Equal(t, "application/zip", r.ContentType())

		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		require.NoError(t, err)
		require.Len(t, zr.File, len(briefing.Parts))
		b := build(t, db, sc.scope, buurtnet.Lang(c.lang))
		tables := briefing.Tables(b)
		for i, f := range zr.File {
			assert.Equal(t, string(briefing.Parts[i])+".csv", f.Name)
			rc, err := f.Open()
			require.NoError(t, err)
			data, err := io.ReadAll(rc)
			require.NoError(t, err)
			golden(t, "briefing-"+sc.name+"-"+c.lang+"/"+f.Name, data)

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
	db := demoStore(t)
	r, err := briefing.ParseRequest("briefing", briefing.Params{Territory: "brussels-region", Format: "csv-rfc4180", Part: "synergies", Lang: "en"})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, r.Write(context.Background(), db, &buf))
	assert.Equal(t, "text/csv; charset=utf-8", r.ContentType())
	assert.False(t, bytes.HasPrefix(buf.Bytes(), []byte("\uFEFF")), "no BOM")
	assert.Contains(t, buf.String(), "\r\n")
	records, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"Rank", "Project A", "Project B", "Score", "Why"}, records[0])
	b := build(t, db, briefing.Scope{Territory: "brussels-region"}, buurtnet.EN)
	require.Len(t, records, len(b.Synergies)+1)
	assert.Equal(t, []string{"1", b.Synergies[0].A.Name, b.Synergies[0].B.Name}, records[1][:3])
}

func TestCSVAmounts(t *testing.T) {
	money := buurtnet.Money(125050)
	table := briefing.Table{Columns: []string{"amount"}, Rows: [][]any{{money}}}
	var be, plain bytes.Buffer
	require.NoError(t, briefing.WriteCSV(&be, table, briefing.Belgian))
	require.NoError(t, briefing.WriteCSV(&plain, table, briefing.RFC4180))
	assert.Equal(t, "\uFEFFamount\r\n1250,50\r\n", be.String(), "decimal comma, which needs no quotes with ;")
	assert.Equal(t, "amount\r\n1250.50\r\n", plain.String())
}

func TestXLSX(t *testing.T) {
	db := demoStore(t)
	s := scenarios[1].scope
	r := &briefing.Request{Subject: briefing.SubjectBriefing, Scope: s, Format: briefing.FormatXLSX}
	var buf bytes.Buffer
	require.NoError(t, r.Write(context.Background(), db, &buf))
	assert.Equal(t, "briefing-brussels-region-2019-10-15.xlsx", r.Filename())

	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	defer f.Close()
	b := build(t, db, s, buurtnet.NL)
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

func TestHTMLEscapesAndPrints(t *testing.T) {
	db := demoStore(t)
	ctx := context.Background()
	evil := "<script>alert('x')</script> & Co"
	require.NoError(t, db.CreateNode(ctx, &buurtnet.Organisation{ID: "org:evil", Name: buurtnet.Text{NL: evil}}))
	require.NoError(t, db.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:evil", To: "project:citisen"}}))

	b := build(t, db, briefing.Scope{Territory: "brabantwijk", Today: today}, buurtnet.FR)
	var buf bytes.Buffer
	require.NoError(t, briefing.WriteHTML(&buf, b, briefing.Tables(b)))
	page := buf.String()
	assert.Contains(t, page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co")
	assert.Contains(t, page, "@media print")

	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	counts := map[string]int{}
	var texts []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			counts[n.Data]++
			if n.Data == "html" {
				assert.Equal(t, []html.Attribute{{Key: "lang", Val: "fr"}}, n.Attr)
			}
		}
		if n.Type == html.TextNode {
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	assert.Zero(t, counts["script"], "no script made it into the page")
	assert.Contains(t, texts, evil, "shown as text")
	assert.Equal(t, len(briefing.Parts)-1, counts["h2"], "one section per part; the scope is in the header")
	assert.Equal(t, 1, counts["h1"])
	assert.Contains(t, page, "<h2>Synergies <span")
}

func TestMarkdownEscapes(t *testing.T) {
	b := &briefing.Briefing{Lang: buurtnet.NL, Territory: briefing.Ref{ID: "territory:x", Name: "X"},
		Projects: []briefing.Project{{Ref: briefing.Ref{ID: "project:p", Name: "A|B *C* <b>"}}}}
	var buf bytes.Buffer
	require.NoError(t, briefing.WriteMarkdown(&buf, b, briefing.Tables(b, briefing.PartProjects)))
	assert.Contains(t, buf.String(), `| A\|B \*C\* \<b\> |`)
}
