// Command gqlgen generates graph/ from schema.graphqls and gqlgen.yml, as
// `gqlgen generate` does, with one plugin of this project: the resolvers
// listed in inlineResolvers run on the goroutine that writes their object,
// rather than on one of their own.
//
// gqlgen starts a goroutine for every field that has a resolver, so that
// resolvers which read the store wait for their batch together. A resolver
// that only formats what its parent holds (a name in the request's
// language) has nothing to wait for, and its goroutine costs more than the
// resolver: an answer with a few thousand names (the overlaps of a
// province-wide project, a page of 50 projects with their partners) spent
// most of its time starting goroutines and growing their stacks.
//
// Run it with `go generate ./...`.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"

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
}

// inline makes the resolvers of fields run where their object is written.
type inline struct{ fields []string }

func (inline) Name() string { return "inline-resolvers" }

// GenerateCode runs before the executable schema is written. gqlgen decides
// per field whether it runs concurrently from the field's object
// (Object.DisableConcurrency, which it sets for mutations); each listed
// field gets a copy of its object with concurrency off, so that only that
// field changes.
func (p inline) GenerateCode(data *codegen.Data) error {
	found := map[string]bool{}
	for _, obj := range data.Objects {
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
