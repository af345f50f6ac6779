package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/codegen"
	"github.com/vektah/gqlparser/v2/ast"
)

// The executable schema calls each listed resolver where its object is
// written, and still starts a goroutine for a resolver that reads the
// store.
func TestGeneratedSchemaRunsListedResolversInline(t *testing.T) {
	src, err := os.ReadFile("../../graph/generated.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range inlineResolvers {
		typ, field, _ := strings.Cut(key, ".")
		call := "ec._" + typ + "_" + field + "(ctx, field, obj)"
		inline := regexp.MustCompile(`out\.Values\[i\] = ` + regexp.QuoteMeta(call))
		if !inline.Match(src) {
			t.Errorf("%s: the generated schema does not call %s inline; run go generate ./...", key, call)
		}
	}
	concurrent := regexp.MustCompile(`(?s)out\.ResolveConcurrently\([^\n]*\n[^\n]*\n\s*func\(ctx context\.Context\) graphql\.Marshaler \{\s*return ec\._Project_partners\(`)
	if !concurrent.Match(src) {
		t.Error("Project.partners reads the store and must keep a goroutine of its own")
	}
}

func TestUnknownOrPlainFieldsAreRefused(t *testing.T) {
	obj := &codegen.Object{Definition: &ast.Definition{Name: "Territory"}}
	obj.Fields = []*codegen.Field{
		{FieldDefinition: &ast.FieldDefinition{Name: "name"}, Object: obj, IsResolver: true},
		{FieldDefinition: &ast.FieldDefinition{Name: "code"}, Object: obj},
	}
	objects := codegen.Objects{obj}

	if err := (inline{fields: []string{"Territory.name"}}).mark(objects); err != nil {
		t.Fatal(err)
	}
	if obj.Fields[0].IsConcurrent() {
		t.Error("Territory.name still runs concurrently")
	}
	if obj.DisableConcurrency {
		t.Error("the object itself changed: its other fields would lose their goroutines")
	}
	if err := (inline{fields: []string{"Territory.code"}}).mark(objects); err == nil || !strings.Contains(err.Error(), "has no resolver") {
		t.Errorf("a field without a resolver: %v", err)
	}
	if err := (inline{fields: []string{"Territory.nope"}}).mark(objects); err == nil || !strings.Contains(err.Error(), "not a field") {
		t.Errorf("an unknown field: %v", err)
	}
}

// Every object makes its group of deferred fields through
// graph.deferredGroupOf, and a call written otherwise stops the generator.
func TestGeneratedSchemaMakesDeferredGroupsOnlyWhenDeferred(t *testing.T) {
	src, err := os.ReadFile("../../graph/generated.go")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), "graphql.NewDeferredGroup(") || !strings.Contains(string(src), deferredGroupCall) {
		t.Error("the generated schema makes deferred groups with gqlgen's own call; run go generate ./...")
	}
	changed := strings.Replace(gqlgenDeferredGroup, "ctx", "ctx2", 1)
	if _, err := useDeferredGroupOf([]byte(gqlgenDeferredGroup + "\n" + changed)); err == nil || !strings.Contains(err.Error(), "update scripts/gqlgen") {
		t.Errorf("a call written otherwise: %v", err)
	}
}

// Every object is written by graph.objectWriter, and an object ending
// otherwise stops the generator.
func TestGeneratedSchemaWritesObjectsWithObjectWriter(t *testing.T) {
	src, err := os.ReadFile("../../graph/generated.go")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), gqlgenObjectEnd) || strings.Count(string(src), objectEnd) != strings.Count(string(src), "fields := graphql.CollectFields(") {
		t.Error("the generated schema writes objects with gqlgen's FieldSet; run go generate ./...")
	}
	odd := "fields := graphql.CollectFields(\n" + gqlgenObjectEnd + "fields := graphql.CollectFields(\n\treturn out, nil\n}\n"
	if _, err := useWriteObject([]byte(odd)); err == nil || !strings.Contains(err.Error(), "update scripts/gqlgen") {
		t.Errorf("an object ending otherwise: %v", err)
	}
}
