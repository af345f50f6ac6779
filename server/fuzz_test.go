package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
)

// mutations are every write a client can make, with the variables the
// fuzzer fills in.
var mutations = []string{
	`mutation($id: ID, $name: String, $d1: Date, $d2: Date) { createProject(input: {id: $id, name: {nl: $name}, period: {start: $d1, end: $d2}}) { id } }`,
	`mutation($id: ID, $name: String, $s: String) { createOrganisation(input: {id: $id, name: {fr: $name}, enterpriseNumber: $s, website: $s}) { id } }`,
	`mutation($id: ID, $name: String, $s: String) { createTerritory(input: {id: $id, name: {nl: $name}, kind: SITE, code: $s}) { id } }`,
	`mutation($id: ID, $name: String) { createFunder(input: {id: $id, name: {en: $name}}) { id } }`,
	`mutation($id: ID, $name: String) { createTheme(input: {id: $id, name: {nl: $name}}) { id } }`,
	`mutation($id: ID, $name: String) { createTargetGroup(input: {id: $id, name: {nl: $name}}) { id } }`,
	`mutation($id: ID, $name: String) { createFunction(input: {id: $id, name: {nl: $name}, framework: VVSG_FUNCTIONS, number: 3}) { id } }`,
	`mutation($id: ID!, $name: String, $d1: Date) { updateProject(id: $id, patch: {name: {nl: $name}, period: {start: $d1}}) { id } }`,
	`mutation($id: ID!, $s: String) { updateOrganisation(id: $id, patch: {enterpriseNumber: $s}) { id } }`,
	`mutation($id: ID!) { deleteTerritory(id: $id) }`,
	`mutation($id: ID!, $to: ID!, $d1: Date, $d2: Date, $m: Money) { link(input: {kind: FUNDS, from: $id, to: $to, amount: $m, period: {start: $d1, end: $d2}}) { kind } }`,
	`mutation($id: ID!, $to: ID!) { link(input: {kind: PART_OF, from: $id, to: $to}) { kind } }`,
	`mutation($id: ID!, $to: ID!, $m: Money) { updateLink(kind: FUNDS, from: $id, to: $to, patch: {amount: $m}) { kind } }`,
	`mutation($id: ID!, $to: ID!) { unlink(kind: ACTIVE_IN, from: $id, to: $to) }`,
}

var knownCodes = map[string]bool{
	buurtnet.EINVALID: true, buurtnet.ENOTFOUND: true, buurtnet.ECONFLICT: true,
	"GRAPHQL_VALIDATION_FAILED": true, "GRAPHQL_PARSE_FAILED": true, "BAD_USER_INPUT": true,
}

// FuzzMutationVariables sends every mutation with fuzzed variables: the
// service must answer each with data or with errors of a known code, never
// an internal error or a panic.
func FuzzMutationVariables(f *testing.F) {
	f.Add(uint8(0), "project:x", "Naam", "2019-09-01", "2018-01-01", "0123.456.749", "funder:ggc", "12,5")
	f.Add(uint8(10), "funder:ggc", "", "2021-13-45", "", "BE0123456749", "project:citisen", "-3")
	f.Add(uint8(11), "territory:brabantwijk", "\x00", "", "", "", "territory:brabantwijk", "1e99")
	f.Add(uint8(7), "project:boost", "   ", "2022-01-01", "", "org:brusano", "org:brusano", "")
	db, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = db.Close() })
	network, err := demo.Network()
	if err != nil {
		f.Fatal(err)
	}
	if _, err := db.Apply(context.Background(), network, buurtnet.ApplyOptions{}); err != nil {
		f.Fatal(err)
	}
	h := server.NewHandler(server.Config{Store: db, Logger: quiet})
	tok, secret, err := buurtnet.NewToken("fuzz", buurtnet.RoleEditor)
	if err != nil {
		f.Fatal(err)
	}
	if err := db.CreateToken(context.Background(), tok); err != nil {
		f.Fatal(err)
	}

	f.Fuzz(func(t *testing.T, which uint8, id, name, d1, d2, s, to, money string) {
		vars := map[string]any{"id": id, "name": name, "d1": d1, "d2": d2, "s": s, "to": to, "m": money}
		body, _ := json.Marshal(map[string]any{"query": mutations[int(which)%len(mutations)], "variables": vars})
		req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+secret)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var resp gqlResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("status %d, unreadable answer %q", rec.Code, rec.Body.String())
		}
		for _, e := range resp.Errors {
			if code, _ := e.Extensions["code"].(string); !knownCodes[code] {
				t.Fatalf("%v: code %q: %s", vars, code, e.Message)
			}
		}
	})
}
