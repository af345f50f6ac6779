package graph

import (
	"io"

	"github.com/99designs/gqlgen/graphql"
)

// objectWriter writes an object of an answer: its fields' values in the
// order of the selection, under their aliases, as gqlgen's FieldSet writes
// them. gqlgen's own writer makes a map of the aliases it has written and a
// copy of every field it writes, per object; for an answer of a few
// thousand objects that was a quarter of all it allocated.
//
// scripts/gqlgen has every object of generated.go return one, in place of
// the FieldSet that computed the values.
type objectWriter struct {
	fields []graphql.CollectedField
	values []graphql.Marshaler
}

func writeObject(fields []graphql.CollectedField, out *graphql.FieldSet) graphql.Marshaler {
	return &objectWriter{fields: fields, values: out.Values}
}

func (o *objectWriter) MarshalGQL(w io.Writer) {
	io.WriteString(w, "{")
	written := 0
	for i := range o.fields {
		alias := o.fields[i].Alias
		if o.writtenBefore(i, alias) {
			continue // the first value under an alias is the one written, as in gqlgen
		}
		if written > 0 {
			io.WriteString(w, ",")
		}
		written++
		// An alias is a GraphQL name ([_A-Za-z][_0-9A-Za-z]*): nothing in
		// it needs escaping.
		io.WriteString(w, `"`)
		io.WriteString(w, alias)
		io.WriteString(w, `":`)
		o.values[i].MarshalGQL(w)
	}
	io.WriteString(w, "}")
}

// writtenBefore reports whether a field before i has the alias. An object
// selects a handful of fields: a scan is cheaper than a map.
func (o *objectWriter) writtenBefore(i int, alias string) bool {
	for j := range i {
		if o.fields[j].Alias == alias {
			return true
		}
	}
	return false
}
