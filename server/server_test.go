package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
)

// countingStore counts the store calls a request makes, to prove that
// relation fields are batched.
type countingStore struct {
	buurtnet.Store
	nodes, links atomic.Int64
	revisions    atomic.Int64
	finds        atomic.Int64
	// tokenLookups counts the look-ups of a token, to prove that refused
	// ones are bounded.
	tokenLookups atomic.Int64
}

func (s *countingStore) TokenByHash(ctx context.Context, hash string) (*buurtnet.Token, error) {
	s.tokenLookups.Add(1)
	return s.Store.TokenByHash(ctx, hash)
}

func (s *countingStore) Nodes(ctx context.Context, ids []string) ([]buurtnet.Node, error) {
	s.nodes.Add(1)
	return s.Store.Nodes(ctx, ids)
}

func (s *countingStore) Find(ctx context.Context, f buurtnet.NodeFilter) ([]buurtnet.Node, int, error) {
	s.finds.Add(1)
	return s.Store.Find(ctx, f)
}

func (s *countingStore) Revision(ctx context.Context) (int64, error) {
	s.revisions.Add(1)
	return s.Store.Revision(ctx)
}

func (s *countingStore) Links(ctx context.Context, q buurtnet.LinkQuery) ([]*buurtnet.Link, error) {
	s.links.Add(1)
	return s.Store.Links(ctx, q)
}

// quiet keeps the access log out of test output.
var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

type demoServer struct {
	*httptest.Server
	store *countingStore
	db    *sqlite.DB
	// token is sent as the bearer token of every request, "" for none.
	token string
}

// as returns a client of the same server that calls with a token of role
// (or anonymously, for role "").
func (s *demoServer) as(t *testing.T, role buurtnet.AccessRole) *demoServer {
	t.Helper()
	c := *s
	c.token = ""
	if role != "" {
		tok, secret, err := buurtnet.NewToken("test "+string(role), role)
		require.NoError(t, err)
		require.NoError(t, s.db.CreateToken(context.Background(), tok))
		c.token = secret
	}
	return &c
}

// newDemoServer serves the demo network from a fresh embedded store.
func newDemoServer(t *testing.T) *demoServer {
	t.Helper()
	return newDemoServerWith(t, func(*server.Config) {})
}

// newDemoServerWith is newDemoServer with its configuration changed by
// configure.
func newDemoServerWith(t *testing.T, configure func(*server.Config)) *demoServer {
	t.Helper()
	db := demoStore(t)
	store := &countingStore{Store: db}
	cfg := server.Config{Store: store, Playground: true, Introspection: true, Logger: quiet}
	configure(&cfg)
	srv := httptest.NewServer(server.NewHandler(cfg))
	t.Cleanup(srv.Close)
	s := &demoServer{Server: srv, store: store, db: db}
	return s.as(t, buurtnet.RoleEditor)
}

// demoStore is a fresh embedded store holding the demo network.
func demoStore(t *testing.T) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "buurtnet.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	network, err := demo.Network()
	require.NoError(t, err)
	_, err = db.Apply(ctx, network, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	return db
}

type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// do posts a GraphQL request and decodes data into out (when not nil).
func (s *demoServer) do(t *testing.T, query string, vars map[string]any, out any, header ...string) []gqlError {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, s.URL+"/query", bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if s.token != "" {
		req.Header.Set("Authorization", "Bearer "+s.token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var r gqlResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&r))
	if out != nil && len(r.Data) > 0 && string(r.Data) != "null" {
		require.NoError(t, json.Unmarshal(r.Data, out))
	}
	return r.Errors
}

// mustDo is do for requests that must succeed.
func (s *demoServer) mustDo(t *testing.T, query string, vars map[string]any, out any, header ...string) {
	t.Helper()
	errs := s.do(t, query, vars, out, header...)
	require.Empty(t, errs, "GraphQL errors")
}

// expectError asserts that the request fails with code (and field, if given).
func (s *demoServer) expectError(t *testing.T, query string, vars map[string]any, code, field string) {
	t.Helper()
	errs := s.do(t, query, vars, nil)
	require.NotEmpty(t, errs, "expected a %s error", code)
	assert.Equal(t, code, errs[0].Extensions["code"], "code of %q", errs[0].Message)
	if field != "" {
		assert.Equal(t, field, errs[0].Extensions["field"], "field of %q", errs[0].Message)
	}
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, x := range items {
		out[i] = id(x)
	}
	return out
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func jsonValue(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
