// Command gqlgen generates graph/ from schema.graphqls and gqlgen.yml, as
// `gqlgen generate` does, and then spares the executable schema work that
// only costs time:
//
//   - the resolvers listed in inlineResolvers run on the goroutine that
//     writes their object, rather than on one of their own;
//   - lists are written by graph.marshalSlice, which writes the elements in
//     turn when nothing under the list's selection reads the store, and
//     concurrently otherwise; concurrent_fields.go lists the fields whose
//     resolvers run on goroutines of their own, for it to tell;
//   - objects are written by graph.objectWriter, and make the group of
//     their @defer'd fields only when they have one (graph.deferredGroupOf):
//     gqlgen's own ways allocate per object what a large answer pays for
//     thousands of times;
//   - a field's arguments are read by graph.fieldArgs, which parses those
//     naming no variable once per field of a document rather than once per
//     object.
//
// gqlgen starts a goroutine for every field that has a resolver and for
// every element of a list of objects, so that resolvers which read the
// store wait for their batch together. Where nothing waits, the goroutines
// and the growth of their stacks cost more than the work: an answer with a
// few thousand objects (the overlaps of a province-wide project) spent most
// of its time on them.
//
// Run it with `go generate ./...`.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

// inlineResolvers are the fields, as Type.field, whose resolvers read
// nothing but their parent and the request (its language): never the store,
// never a loader. A resolver that waits for a loader must not be listed:
// run inline, each would wait for its batch alone.
var inlineResolvers = []string{
	"Consultation.name", "Consultation.description",
	"Cycle.name",
	"Function.name", "Function.description",
	"Funder.name",
	"Meeting.name",
	"Organisation.name", "Organisation.description",
	"Project.name", "Project.description",
	"TargetGroup.name", "TargetGroup.description",
	"Territory.name",
	"Theme.name", "Theme.description",
}

func main() {
	verbose := flag.Bool("verbose", false, "show gqlgen's log of how it binds the schema to the Go types")
	flag.Parse()
	if !*verbose {
		log.SetOutput(io.Discard) // as gqlgen generate
	}
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen: load config:", err)
		os.Exit(2)
	}
	if err := api.Generate(cfg, api.AddPlugin(inline{fields: inlineResolvers})); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(3)
	}
	if err := rewrite(cfg.Exec.Filename, useMarshalSlice, useDeferredGroupOf, useWriteObject, useFieldArgs); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(4)
	}
}

// rewrite applies each edit in turn to the generated file at path.
func rewrite(path string, edits ...func([]byte) ([]byte, error)) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, edit := range edits {
		if src, err = edit(src); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return os.WriteFile(path, src, 0o644)
}

// replaceAll replaces every call of gqlgen's that begins with prefix, all
// of which must read exactly old, by new. It fails, rather than leave a
// call behind, when gqlgen writes one in some other way than it knows.
func replaceAll(src []byte, prefix, old, new string) ([]byte, error) {
	all := bytes.Count(src, []byte(prefix))
	if n := bytes.Count(src, []byte(old)); n == 0 || n != all {
		return nil, fmt.Errorf("it calls %s %d times, %d of them as scripts/gqlgen expects (%s): update scripts/gqlgen for this version of gqlgen", prefix, all, n, old)
	}
	return bytes.ReplaceAll(src, []byte(old), []byte(new)), nil
}

// gqlgenListCall is how gqlgen's executable schema writes a list of objects
// (codegen/type.gotpl), and listCall what it becomes.
const (
	gqlgenListCall = `graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {`
	listCall       = `marshalSlice(ctx, sel, len(v), func(ctx context.Context, i int) graphql.Marshaler {`
)

// useMarshalSlice has the executable schema write its lists with
// graph.marshalSlice.
func useMarshalSlice(src []byte) ([]byte, error) {
	return replaceAll(src, "graphql.MarshalSliceConcurrently(", gqlgenListCall, listCall)
}

// gqlgenObjectEnd is how gqlgen's executable schema ends every object it
// writes (codegen/object.gotpl), and objectEnd what it becomes.
const (
	gqlgenObjectEnd = "\n\treturn out\n}\n"
	objectEnd       = "\n\treturn writeObject(fields, out)\n}\n"
)

// useWriteObject has the executable schema write its objects with
// graph.objectWriter, once they are computed. It fails when an object ends
// otherwise than it knows, or when the objects do not all end so.
func useWriteObject(src []byte) ([]byte, error) {
	objects := bytes.Count(src, []byte("fields := graphql.CollectFields("))
	if n := bytes.Count(src, []byte(gqlgenObjectEnd)); n != objects {
		return nil, fmt.Errorf("it writes %d objects, %d of them ending as scripts/gqlgen expects (%q): update scripts/gqlgen for this version of gqlgen", objects, n, gqlgenObjectEnd)
	}
	return bytes.ReplaceAll(src, []byte(gqlgenObjectEnd), []byte(objectEnd)), nil
}

// gqlgenDeferredGroup is how gqlgen's executable schema starts every object
// it writes (codegen/object.gotpl), and deferredGroupCall what it becomes.
const (
	gqlgenDeferredGroup = `deferred := graphql.NewDeferredGroup(ctx)`
	deferredGroupCall   = `deferred := deferredGroupOf(ctx, fields)`
)

// useDeferredGroupOf has the executable schema make the group of an
// object's @defer'd fields only when the object has one (graph.deferredGroupOf).
func useDeferredGroupOf(src []byte) ([]byte, error) {
	return replaceAll(src, "graphql.NewDeferredGroup(", gqlgenDeferredGroup, deferredGroupCall)
}

// gqlgenArgs is how gqlgen's executable schema reads a field's arguments
// (codegen/field.gotpl), and fieldArgsCall what it becomes.
var (
	gqlgenArgs    = regexp.MustCompile(`ec\.(field_\w+_args)\(ctx, field\.ArgumentMap\(ec\.Variables\)\)`)
	fieldArgsCall = `fieldArgs(ctx, field, ec.Variables, ec.$1)`
)

// useFieldArgs has the executable schema read a field's arguments with
// graph.fieldArgs, which parses those naming no variable once per field
// of a document. It fails when gqlgen reads them some other way.
func useFieldArgs(src []byte) ([]byte, error) {
	all := bytes.Count(src, []byte("field.ArgumentMap("))
	if n := len(gqlgenArgs.FindAll(src, -1)); n == 0 || n != all {
		return nil, fmt.Errorf("it reads arguments %d times, %d of them as scripts/gqlgen expects (%s): update scripts/gqlgen for this version of gqlgen", all, n, gqlgenArgs)
	}
	return gqlgenArgs.ReplaceAll(src, []byte(fieldArgsCall)), nil
}

// inline makes the resolvers of fields run where their object is written.
type inline struct{ fields []string }

func (inline) Name() string { return "inline-resolvers" }

// GenerateCode runs before the executable schema is written: it marks the
// inline resolvers, then lists the fields whose resolvers stay concurrent.
func (p inline) GenerateCode(data *codegen.Data) error {
	if err := p.mark(data.Objects); err != nil {
		return err
	}
	return writeConcurrentFields(filepath.Join(data.Config.Exec.Dir(), "concurrent_fields.go"), data.Config.Exec.Package, data.Objects)
}

// mark turns concurrency off for the listed fields. gqlgen decides per
// field whether it runs concurrently from the field's object
// (Object.DisableConcurrency, which it sets for mutations); each listed
// field gets a copy of its object with concurrency off, so that only that
// field changes.
func (p inline) mark(objects codegen.Objects) error {
	found := map[string]bool{}
	for _, obj := range objects {
		for _, f := range obj.Fields {
			key := obj.Name + "." + f.Name
			if !slices.Contains(p.fields, key) {
				continue
			}
			if !f.IsResolver {
				return fmt.Errorf("%s is listed as an inline resolver but has no resolver", key)
			}
			sequential := *f.Object
			sequential.DisableConcurrency = true
			f.Object = &sequential
			found[key] = true
		}
	}
	for _, key := range p.fields {
		if !found[key] {
			return fmt.Errorf("%s is listed as an inline resolver but is not a field of the schema", key)
		}
	}
	return nil
}

// writeConcurrentFields writes the fields, as Type.field, whose resolvers
// still run on goroutines of their own, for graph.marshalSlice.
func writeConcurrentFields(path, pkg string, objects codegen.Objects) error {
	var keys []string
	for _, obj := range objects {
		for _, f := range obj.Fields {
			if f.IsConcurrent() {
				keys = append(keys, obj.Name+"."+f.Name)
			}
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "// Code generated by scripts/gqlgen. DO NOT EDIT.\n\npackage %s\n\n", pkg)
	b.WriteString("// concurrentFields are the fields, as Type.field, whose resolvers run on\n// goroutines of their own (see marshalSlice).\nvar concurrentFields = map[string]bool{\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "\t%q: true,\n", k)
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return fmt.Errorf("format %s: %w", path, err)
	}
	return os.WriteFile(path, src, 0o644)
}
