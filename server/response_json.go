package server

import (
	"bytes"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// encodeResponse returns the bytes json.Marshal returns for resp, without
// json.Marshal's pass over the data: it checks the data and compacts it
// (as a json.RawMessage), and for a large answer, a province-wide project's
// overlaps, that pass was a tenth of the request. gqlgen writes the data
// compact and valid already; what is left of json.Marshal's work is the
// escaping of <, >, & and the line and paragraph separators, which
// json.HTMLEscape does alone. The other members are few and small, and
// json.Marshal encodes them as ever.
func encodeResponse(resp *graphql.Response) ([]byte, error) {
	head, err := json.Marshal(struct {
		Errors gqlerror.List `json:"errors,omitempty"`
	}{resp.Errors})
	if err != nil {
		return nil, err
	}
	tail, err := json.Marshal(struct {
		Label      string         `json:"label,omitempty"`
		Path       ast.Path       `json:"path,omitempty"`
		HasNext    *bool          `json:"hasNext,omitempty"`
		Extensions map[string]any `json:"extensions,omitempty"`
	}{resp.Label, resp.Path, resp.HasNext, resp.Extensions})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(len(head) + len(resp.Data) + len(tail) + 16)
	b.Write(head[:len(head)-1]) // the members of head, without its }
	if len(head) > 2 {
		b.WriteByte(',')
	}
	b.WriteString(`"data":`)
	if resp.Data == nil {
		b.WriteString("null")
	} else {
		json.HTMLEscape(&b, resp.Data)
	}
	if len(tail) > 2 {
		b.WriteByte(',')
		b.Write(tail[1 : len(tail)-1])
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
