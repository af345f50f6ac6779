package server

import (
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// encodeResponse writes the bytes json.Marshal writes, whatever the
// response holds.
func TestEncodeResponseAsJSONMarshal(t *testing.T) {
	more := true
	for name, resp := range map[string]*graphql.Response{
		"data":                 {Data: json.RawMessage(`{"a":[1,2,{"b":"c"}],"d":null}`)},
		"escapes":              {Data: json.RawMessage(`{"name":"Zorg <&> welzijn \u2028 \"q\" é` + "\u2028\u2029" + `"}`)},
		"no data":              {Errors: gqlerror.List{{Message: "x <y>"}}},
		"errors and data":      {Data: json.RawMessage(`{"a":null}`), Errors: gqlerror.List{{Message: "m", Path: ast.Path{ast.PathName("a"), ast.PathIndex(0)}, Extensions: map[string]any{"code": "NOT_FOUND"}}}},
		"extensions":           {Data: json.RawMessage(`{}`), Extensions: map[string]any{"cost": 12, "data": 0}},
		"incremental":          {Data: json.RawMessage(`{"x":1}`), Label: "l", Path: ast.Path{ast.PathName("p")}, HasNext: &more},
		"empty":                {},
		"data of empty object": {Data: json.RawMessage(`{}`)},
	} {
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeResponse(resp)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: wrote\n%s\njson.Marshal writes\n%s", name, got, want)
		}
	}
}
