package graph

import (
	"os"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// selection is the selection set of the first field of query, validated
// against the schema as the executor sees it.
func selection(t *testing.T, query string) ast.SelectionSet {
	t.Helper()
	src, err := os.ReadFile("../schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	schema, gerr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphqls", Input: string(src)})
	if gerr != nil {
		t.Fatal(gerr)
	}
	doc, errs := gqlparser.LoadQuery(schema, query)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return doc.Operations[0].SelectionSet[0].(*ast.Field).SelectionSet
}

func TestNeedsConcurrency(t *testing.T) {
	for _, tc := range []struct {
		name  string
		query string
		want  bool
	}{
		{"names and places only", `{ overlaps(project: "p") { project { id name } places { relation territory { name } otherTerritory { name(lang: FR) } } } }`, false},
		{"a field read through a loader", `{ overlaps(project: "p") { project { id } sharedPartners { name } } }`, true},
		{"a loader deeper down", `{ overlaps(project: "p") { places { territory { partOf { name } } } } }`, true},
		{"a fragment without one", `query { overlaps(project: "p") { ...O } } fragment O on Overlap { project { name } }`, false},
		{"a fragment with one", `query { overlaps(project: "p") { ...O } } fragment O on Overlap { project { partners { role } } }`, true},
		{"@defer", `{ overlaps(project: "p") { ... @defer { project { name } } } }`, true},
		{"fields of an interface", `{ node(id: "p") { id } }`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sel := selection(t, tc.query)
			if got := needsConcurrency(sel); got != tc.want {
				t.Errorf("needsConcurrency = %v, want %v", got, tc.want)
			}
		})
	}
}
