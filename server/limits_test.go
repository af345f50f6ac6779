package server_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
)

// withConfig serves the demo store of s with another configuration.
func (s *demoServer) withConfig(t *testing.T, cfg server.Config) *demoServer {
	cfg.Store = s.store
	cfg.Logger = quiet
	srv := httptest.NewServer(server.NewHandler(cfg))
	t.Cleanup(srv.Close)
	c := *s
	c.Server = srv
	return &c
}

func TestLimits(t *testing.T) {
	s := newDemoServer(t)

	t.Run("Complexity", func(t *testing.T) {
		small := s.withConfig(t, server.Config{Limits: server.Limits{MaxComplexity: 500}})
		errs := small.do(t, `{ projects(first: 100) { nodes { id name partners { role organisation { id name } } } } }`, nil, nil)
		require.NotEmpty(t, errs)
		assert.Equal(t, "COMPLEXITY_LIMIT_EXCEEDED", errs[0].Extensions["code"])
		assert.Contains(t, errs[0].Message, "500", "the message says the limit")
		assert.Regexp(t, `complexity \d+`, errs[0].Message, "and the computed cost")
		small.mustDo(t, `{ projects(first: 5) { nodes { id } } }`, nil, nil)
	})

	t.Run("Depth", func(t *testing.T) {
		q := `{ node(id: "territory:brabantwijk") { ... on Territory { partOf { parts { partOf { parts { partOf { parts { partOf { parts { partOf { parts { partOf { parts { id } } } } } } } } } } } } } } }`
		errs := s.do(t, q, nil, nil)
		require.NotEmpty(t, errs)
		assert.Equal(t, "DEPTH_LIMIT_EXCEEDED", errs[0].Extensions["code"])
		assert.Contains(t, errs[0].Message, "limit is 12")
	})

	t.Run("BodySize", func(t *testing.T) {
		small := s.withConfig(t, server.Config{Limits: server.Limits{MaxBodyBytes: 1024}})
		body := `{"query":"{ projects { totalCount } }","variables":{"pad":"` + strings.Repeat("x", 4096) + `"}}`
		resp, err := http.Post(small.URL+"/query", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.Contains(t, string(b), `"code":"INVALID"`)
		assert.Contains(t, string(b), "limit is 1024")
	})

	t.Run("NoBatches", func(t *testing.T) {
		body := `[{"query":"{ projects { totalCount } }"},{"query":"{ funders { totalCount } }"}]`
		resp, err := http.Post(s.URL+"/query", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		assert.NotEqual(t, http.StatusOK, resp.StatusCode)
		assert.NotContains(t, string(b), "totalCount", "no operation of a batch runs")
	})

	t.Run("TimeoutReachesTheStore", func(t *testing.T) {
		slow := httptest.NewServer(server.NewHandler(server.Config{
			Store:  blockingStore{Store: s.store},
			Logger: quiet,
			Limits: server.Limits{RequestTimeout: 50 * time.Millisecond},
		}))
		defer slow.Close()
		start := time.Now()
		errs := (&demoServer{Server: slow}).do(t, `{ projects { totalCount } }`, nil, nil)
		require.NotEmpty(t, errs)
		assert.Equal(t, "TIMEOUT", errs[0].Extensions["code"])
		assert.Less(t, time.Since(start), 5*time.Second)
	})
}

// A client that leaves stops its question: net/http cancels the request's
// context when the connection closes, long before the request timeout, and
// the store call watching it returns.
func TestClientThatLeavesStopsTheQuestion(t *testing.T) {
	s := newDemoServer(t)
	store := &leavingStore{Store: s.store, started: make(chan struct{}), stopped: make(chan struct{}), release: make(chan struct{})}
	var log lockedBuffer
	srv := httptest.NewServer(server.NewHandler(server.Config{
		Store:  store,
		Logger: slog.New(slog.NewTextHandler(&log, nil)),
		Limits: server.Limits{RequestTimeout: time.Hour},
	}))
	defer srv.Close()
	defer close(store.release) // first: should the question go on, Close would wait for it

	ctx, leave := context.WithCancel(t.Context())
	defer leave()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/query",
		strings.NewReader(`{"query":"{ projects { totalCount } }"}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	answered := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		answered <- err
	}()

	select {
	case <-store.started:
	case <-time.After(time.Minute):
		t.Fatal("the question never reached the store")
	}
	leave()
	require.Error(t, <-answered, "the client left before an answer")
	select {
	case <-store.stopped:
	case <-time.After(30 * time.Second):
		t.Fatal("the question went on after its client left")
	}
	// The access log, written once the handler returns, says the client
	// left; and of a request answered, nothing of the kind.
	assert.Eventually(t, func() bool { return strings.Contains(log.String(), "client_left=true") },
		30*time.Second, 10*time.Millisecond, "access log: %s", log.String())
	resp, err := http.Post(srv.URL+"/query", "application/json", strings.NewReader(`{"query":"{ __typename }"}`))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Eventually(t, func() bool { return strings.Count(log.String(), "msg=request ") == 2 },
		30*time.Second, 10*time.Millisecond, "access log: %s", log.String())
	assert.Equal(t, 1, strings.Count(log.String(), "client_left"), "access log: %s", log.String())
}

// lockedBuffer is a log's buffer, written by the server and read by a test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// leavingStore's Find tells when it starts, waits until its context ends
// and tells that too; release ends a Find whose context never does.
type leavingStore struct {
	buurtnet.Store
	start, stop               sync.Once
	started, stopped, release chan struct{}
}

func (s *leavingStore) Find(ctx context.Context, _ buurtnet.NodeFilter) ([]buurtnet.Node, int, error) {
	s.start.Do(func() { close(s.started) })
	select {
	case <-ctx.Done():
		s.stop.Do(func() { close(s.stopped) })
		return nil, 0, ctx.Err()
	case <-s.release:
		return nil, 0, errors.New("released by the test")
	}
}

// blockingStore waits for the request's deadline in Find, as a store stuck on
// a slow query would; it returns only because the context is cancelled.
type blockingStore struct{ buurtnet.Store }

func (blockingStore) Find(ctx context.Context, _ buurtnet.NodeFilter) ([]buurtnet.Node, int, error) {
	<-ctx.Done()
	return nil, 0, ctx.Err()
}

// failingStore fails like a broken database would, with details no client
// should see.
type failingStore struct{ buurtnet.Store }

func (failingStore) Find(context.Context, buurtnet.NodeFilter) ([]buurtnet.Node, int, error) {
	return nil, 0, errors.New("sqlite: SELECT secret_column FROM nodes: disk I/O error")
}

func TestObservability(t *testing.T) {
	s := newDemoServer(t)

	t.Run("InternalErrorsAreHiddenAndLoggedWithRequestID", func(t *testing.T) {
		var log bytes.Buffer
		broken := httptest.NewServer(server.NewHandler(server.Config{
			Store:  failingStore{Store: s.store},
			Logger: slog.New(slog.NewJSONHandler(&log, nil)),
		}))
		defer broken.Close()
		req, _ := http.NewRequest(http.MethodPost, broken.URL+"/query", strings.NewReader(`{"query":"{ projects { totalCount } }"}`))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		id := resp.Header.Get("X-Request-ID")
		require.NotEmpty(t, id)
		assert.Contains(t, string(b), `"code":"INTERNAL"`)
		assert.Contains(t, string(b), `"requestId":"`+id+`"`)
		assert.NotContains(t, string(b), "secret_column")
		assert.Contains(t, log.String(), "secret_column", "the log has the detail")
		assert.Contains(t, log.String(), id, "under the request id")
	})

	t.Run("Metrics", func(t *testing.T) {
		s.mustDo(t, `query ListProjects { projects { totalCount } }`, nil, nil)
		s.do(t, `{ overlaps(project: "project:nope") { period { start } } }`, nil, nil)
		resp, err := http.Get(s.URL + "/metrics")
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		body := string(b)
		assert.Contains(t, body, `buurtnet_graphql_operations_total{operation="ListProjects",type="query"} 1`)
		assert.Contains(t, body, `buurtnet_graphql_operation_seconds_count{operation="ListProjects",type="query"} 1`)
		assert.Contains(t, body, `buurtnet_errors_total{code="NOT_FOUND"} 1`)
		assert.Contains(t, body, `buurtnet_store_seconds_count{method="Find"}`)
	})

	t.Run("Health", func(t *testing.T) {
		for _, path := range []string{"/healthz", "/readyz"} {
			resp, err := http.Get(s.URL + path)
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, http.StatusOK, resp.StatusCode, path)
		}
	})
}

func TestProductionSwitches(t *testing.T) {
	s := newDemoServer(t)
	prod := s.withConfig(t, server.Config{Playground: false, Introspection: false})
	errs := prod.do(t, `{ __schema { types { name } } }`, nil, nil)
	require.NotEmpty(t, errs, "introspection is off")
	resp, err := http.Get(prod.URL + "/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, "no playground")
	prod.mustDo(t, `{ projects { totalCount } }`, nil, nil)
	s.mustDo(t, `{ __schema { types { name } } }`, nil, nil) // the demo server has both on
}
