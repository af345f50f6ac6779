// Command filterdoc writes docs/filters.md from buurtnet.Filters, the table
// of what every filter field means (go generate runs it; a test checks that
// the file and the schema's field comments agree with the table).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/buurtnet/buurtnet"
)

func main() {
	out := flag.String("o", "docs/filters.md", "the file to write")
	flag.Parse()
	if err := os.WriteFile(*out, []byte(Markdown()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// Markdown renders the table: which field applies to which kind, then per
// kind the path each field follows and the sentence the API documents it
// with.
func Markdown() string {
	var b strings.Builder
	b.WriteString(`# Filters

<!-- Generated from buurtnet.Filters (filter.go) by go generate: edit the table, not this file. -->

What every field of a list's ` + "`filter`" + ` means, for each kind of entity it
applies to. A field given for a kind it does not apply to is refused
(` + "`INVALID`, field `filter.<name>`" + `); of several problems, the first in the
order of this table is reported.

A path reads from the entity listed outwards: ` + "`-KIND->`" + ` follows a link
in its direction, ` + "`<-KIND-`" + ` against it, ` + "`*`" + ` any number of times (none
included), ` + "`A|B`" + ` either kind of link. The stores compile these paths into
their own queries (` + "`sqlite/find.go`, `neo4j/find.go`" + `).

`)
	kinds := kindsFiltered()
	b.WriteString("| field |")
	for _, k := range kinds {
		b.WriteString(" " + string(k) + " |")
	}
	b.WriteString("\n|---|")
	for range kinds {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, ff := range buurtnet.Filters {
		b.WriteString("| `" + ff.Name + "` |")
		for _, k := range kinds {
			if _, ok := ff.Path(k); ok {
				b.WriteString(" ✓ |")
			} else {
				b.WriteString(" |")
			}
		}
		b.WriteString("\n")
	}
	for _, k := range kinds {
		fmt.Fprintf(&b, "\n## %s\n\n| field | path | meaning |\n|---|---|---|\n", k)
		for _, ff := range buurtnet.Filters {
			if p, ok := ff.Path(k); ok {
				// A bar splits a table cell, even in code.
				path := strings.ReplaceAll(p.String(), "|", `\|`)
				fmt.Fprintf(&b, "| `%s` | `%s` | %s |\n", ff.Name, path, p.Doc)
			}
		}
	}
	return b.String()
}

// kindsFiltered are the kinds some field applies to, in the order of
// buurtnet.Kinds.
func kindsFiltered() []buurtnet.Kind {
	var out []buurtnet.Kind
	for _, k := range buurtnet.Kinds {
		for _, ff := range buurtnet.Filters {
			if _, ok := ff.Path(k); ok {
				out = append(out, k)
				break
			}
		}
	}
	return out
}
