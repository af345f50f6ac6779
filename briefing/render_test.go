package briefing_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

func TestGoldenMarkdown(t *testing.T) {
	db := demoStore(t)
	for _, sc := range scenarios {
		for _, lang := range []buurtnet.Lang{buurtnet.NL, buurtnet.FR} {
			b := build(t, db, sc.Scope, lang)
			var buf bytes.Buffer
			require.NoError(t, briefing.WriteMarkdown(&buf, b, briefing.Tables(b)))
			golden(t, "briefing-"+sc.Name+"-"+string(lang)+".md", buf.Bytes())
		}
	}
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
