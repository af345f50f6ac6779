package main

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/buurtnet/buurtnet"
)

// TestDocsCurrent checks that docs/filters.md is what the table renders:
// run go generate after changing buurtnet.Filters.
func TestDocsCurrent(t *testing.T) {
	got, err := os.ReadFile("../../docs/filters.md")
	require.NoError(t, err)
	assert.Equal(t, Markdown(), string(got), "docs/filters.md is out of date: run go generate ./...")
}

// TestSchemaAgrees checks the filter inputs of schema.graphqls against the
// table: each input (OrganisationFilter for organisations, …) has exactly
// the fields that apply to its kind, each documented with the table's
// sentence.
func TestSchemaAgrees(t *testing.T) {
	src, err := os.ReadFile("../../schema.graphqls")
	require.NoError(t, err)
	schema, gqlErr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphqls", Input: string(src)})
	require.Nil(t, gqlErr)

	inputs := map[string]buurtnet.Kind{}
	for _, k := range buurtnet.Kinds {
		n, err := buurtnet.NewNode(k)
		require.NoError(t, err)
		inputs[reflect.TypeOf(n).Elem().Name()+"Filter"] = k
	}
	checked := 0
	for name, def := range schema.Types {
		if def.Kind != ast.InputObject || !strings.HasSuffix(name, "Filter") || name == "AuditFilter" {
			continue
		}
		k, ok := inputs[name]
		if !assert.True(t, ok, "input %s filters no kind of entity", name) {
			continue
		}
		checked++
		var fields, want []string
		for _, f := range def.Fields {
			field := goName(f)
			fields = append(fields, field)
			ff := filter(field)
			if !assert.NotNil(t, ff, "%s.%s: no such filter", name, f.Name) {
				continue
			}
			p, ok := ff.Path(k)
			if assert.True(t, ok, "%s.%s: the field does not apply to %s", name, f.Name, k) {
				assert.Equal(t, p.Doc, f.Description, "%s.%s: the comment must be the table's sentence", name, f.Name)
			}
		}
		for _, ff := range buurtnet.Filters {
			if _, ok := ff.Path(k); ok {
				want = append(want, ff.Name)
			}
		}
		assert.ElementsMatch(t, want, fields, "the fields of %s", name)
	}
	assert.Equal(t, 4, checked, "the inputs checked")
}

// goName is the filter field an input field sets: the one its @goField
// directive names, else its own name.
func goName(f *ast.FieldDefinition) string {
	if d := f.Directives.ForName("goField"); d != nil {
		if a := d.Arguments.ForName("name"); a != nil {
			n := a.Value.Raw
			return strings.ToLower(n[:1]) + n[1:]
		}
	}
	return f.Name
}

func filter(name string) *buurtnet.FilterField {
	for i := range buurtnet.Filters {
		if buurtnet.Filters[i].Name == name {
			return &buurtnet.Filters[i]
		}
	}
	return nil
}
