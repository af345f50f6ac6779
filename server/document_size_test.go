package server

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/buurtnet/buurtnet/graph"
)

// documentShapes are documents dense in each kind of syntax node, and the
// page of 50 projects the scale benchmark asks.
func documentShapes() map[string]string {
	repeat := func(n int, format string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, format, i)
		}
		return b.String()
	}
	var fragments string // each spreads the next
	for i := range 400 {
		fragments += fmt.Sprintf(" fragment f%d on Query { __typename ...f%d }", i, i+1)
	}
	return map[string]string{
		"page of projects": `{ projects(first: 50) { totalCount nodes { id name
  partners { organisation { name } role level }
  territories { territory { name } }
  fundings { funder { name } }
  themes { name } } } }`,
		"aliased fields":   "{" + repeat(4000, " a%d: __typename") + " }",
		"arguments":        "{" + repeat(300, ` a%d: projects(first: 1, after: "x", filter: {search: "x", territory: "t", theme: "t"}) { totalCount }`) + " }",
		"list values":      `{ nodes(ids: [` + repeat(3000, `"n%d" `) + `]) { id } }`,
		"fragments":        "{ ...f0 }" + fragments + " fragment f400 on Query { __typename }",
		"variables":        "query(" + repeat(800, " $v%d: [ID!] = [\"x\"]") + ") {" + repeat(800, " a%[1]d: nodes(ids: $v%[1]d) { id }") + " }",
		"inline fragments": `{ node(id: "x") {` + repeat(1500, " ... on Project @include(if: true) { a%d: id }") + " } }",
	}
}

// TestDocumentSizeCoversTheTree checks documentSize against what parsed
// and validated documents of each shape hold on the heap: never less, and
// not so much more that the cache would keep few documents for nothing.
func TestDocumentSizeCoversTheTree(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	for shape, query := range documentShapes() {
		t.Run(shape, func(t *testing.T) {
			// Enough copies to weigh some megabytes, each its own text.
			copies := min(max(4<<20/(25*len(query)), 10), 500)
			texts := make([]string, copies)
			for i := range texts {
				texts[i] = strings.Replace(query, "{", fmt.Sprintf("query Q%d {", i), 1)
				if strings.HasPrefix(query, "query(") {
					texts[i] = fmt.Sprintf("query Q%d", i) + strings.TrimPrefix(query, "query")
				}
			}
			docs := make([]*ast.QueryDocument, copies)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			for i, text := range texts {
				doc, errs := gqlparser.LoadQuery(schema, text)
				require.Empty(t, errs, "a valid document")
				docs[i] = doc
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			held := int(after.HeapAlloc-before.HeapAlloc) / copies
			reckoned := documentSize(texts[0], docs[0]) - len(texts[0]) // the texts were on the heap before the first reading
			t.Logf("%d bytes of text, %d nodes: %d bytes held, %d reckoned (%d per node)",
				len(texts[0]), syntaxNodes(docs[0]), held, reckoned, held/syntaxNodes(docs[0]))
			assert.GreaterOrEqual(t, reckoned, held, "documentSize reckons at least what the syntax tree holds")
			assert.LessOrEqual(t, reckoned, 4*held, "documentSize reckons within four times what it holds")
			runtime.KeepAlive(docs)
		})
	}
}

// The documents' cache, with the service's bounds, keeps the page of 50
// projects and no document whose syntax tree is large for its text: 14,000
// list values in 56 kB of text, which it once reckoned at 168 kB and held
// at some 3 MB (300 of them, each refused by the resolver, took the service
// from 28 MB to 1 GB).
func TestDocumentCacheRefusesLargeTrees(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	cache := newGqlgenCache(cachedDocuments, cachedDocumentBytes, maxCachedDocument, documentSize)
	for _, tc := range []struct {
		query string
		kept  bool
	}{
		{documentShapes()["page of projects"], true},
		{`{ nodes(ids: [` + strings.Repeat(`"a" `, 14000) + `]) { id } }`, false},
	} {
		doc, errs := gqlparser.LoadQuery(schema, tc.query)
		require.Empty(t, errs)
		cache.Add(t.Context(), tc.query, doc)
		_, ok := cache.Get(t.Context(), tc.query)
		assert.Equal(t, tc.kept, ok, "%d bytes of text, %d nodes", len(tc.query), syntaxNodes(doc))
	}
}
