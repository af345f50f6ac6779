package server_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
)

// gateStore holds every Find until released, and says when one started.
type gateStore struct {
	buurtnet.Store
	entered chan struct{}
	release chan struct{}
}

func (g gateStore) Find(ctx context.Context, f buurtnet.NodeFilter) ([]buurtnet.Node, int, error) {
	g.entered <- struct{}{}
	select {
	case <-g.release:
	case <-ctx.Done():
		return nil, 0, ctx.Err()
	}
	return g.Store.Find(ctx, f)
}

func TestConcurrentRequestsPerCaller(t *testing.T) {
	s := newDemoServer(t)
	gate := gateStore{Store: s.store, entered: make(chan struct{}, 10), release: make(chan struct{})}
	srv := httptest.NewServer(server.NewHandler(server.Config{Store: gate, Logger: quiet,
		Access: server.Access{ConcurrentPerCaller: 1}}))
	defer srv.Close()
	anonymous := &demoServer{Server: srv}
	signedIn := &demoServer{Server: srv, token: s.token}

	done := make(chan []gqlError, 2)
	go func() { done <- anonymous.do(t, `{ projects { totalCount } }`, nil, nil) }()
	<-gate.entered // the first request runs
	go func() { done <- anonymous.do(t, `{ funders { totalCount } }`, nil, nil) }()

	// Another caller is not held up by the first one's requests.
	var me struct{ Me struct{ Name string } }
	signedIn.mustDo(t, `{ me { name } }`, nil, &me)
	assert.NotEmpty(t, me.Me.Name)
	select {
	case <-gate.entered:
		t.Fatal("a second request of the same caller ran beside the first")
	case <-time.After(200 * time.Millisecond):
	}

	close(gate.release)
	require.Empty(t, <-done)
	require.Empty(t, <-done, "the waiting request ran after the first")
}

// TestBodyDeadlineEndsWithTheBody: the deadline that bounds the body's
// arrival is lifted once it has arrived, so work that takes longer than the
// read timeout is not cut off by it.
func TestBodyDeadlineEndsWithTheBody(t *testing.T) {
	s := newDemoServer(t)
	gate := gateStore{Store: s.store, entered: make(chan struct{}, 1), release: make(chan struct{})}
	srv := httptest.NewServer(server.NewHandler(server.Config{Store: gate, Logger: quiet,
		Limits: server.Limits{ReadTimeout: 100 * time.Millisecond, MinBodyRate: 1024}}))
	defer srv.Close()
	done := make(chan []gqlError, 1)
	go func() { done <- (&demoServer{Server: srv}).do(t, `{ projects { totalCount } }`, nil, nil) }()
	<-gate.entered
	time.Sleep(500 * time.Millisecond) // well past the body's deadline
	close(gate.release)
	require.Empty(t, <-done)
}
