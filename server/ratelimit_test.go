package server_test

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
)

// call sends a request to path (a GraphQL query on /query, a GET anywhere
// else) with token, if any, and returns the status, headers and body.
func call(t *testing.T, base, path, token string) (int, http.Header, string) {
	t.Helper()
	method, body := http.MethodGet, io.Reader(nil)
	if path == "/query" {
		method, body = http.MethodPost, strings.NewReader(`{"query":"{ projects { totalCount } }"}`)
	}
	req, err := http.NewRequest(method, base+path, body)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, string(b)
}

// TestRefusedTokensAreLimitedPerAddress: an address that sends wrong tokens
// gets a few tries, then RATE_LIMITED without the store being asked.
func TestRefusedTokensAreLimitedPerAddress(t *testing.T) {
	s := newDemoServer(t)
	limited := s.withConfig(t, server.Config{Access: server.Access{AuthFailuresPerMinute: 3}})
	before := s.store.tokenLookups.Load()
	var codes []int
	for i := range 20 {
		status, header, body := call(t, limited.URL, "/query", fmt.Sprintf("bnt_guess-%d", i))
		codes = append(codes, status)
		if status == http.StatusTooManyRequests {
			assert.Contains(t, body, `"code":"RATE_LIMITED"`)
			wait, err := strconv.Atoi(header.Get("Retry-After"))
			require.NoError(t, err, "Retry-After in seconds")
			assert.True(t, wait >= 1 && wait <= 20, "one more try in 20 s at most, not %d", wait)
		}
	}
	assert.Equal(t, []int{401, 401, 401}, codes[:3], "three tries")
	for i, c := range codes[3:] {
		assert.Equal(t, http.StatusTooManyRequests, c, "request %d", i+4)
	}
	assert.Equal(t, int64(3), s.store.tokenLookups.Load()-before, "the store is asked for the three tries only")

	status, _, _ := call(t, limited.URL, "/export/network?format=json", "bnt_guess-export")
	assert.Equal(t, http.StatusTooManyRequests, status, "on every endpoint")
	status, _, body := call(t, limited.URL, "/query", "")
	assert.Equal(t, http.StatusOK, status, "anonymous requests from the address still run: %s", body)
	assert.Equal(t, int64(3), s.store.tokenLookups.Load()-before)
}

// TestValidTokensDoNotSpendTheRefusals: only refused tokens count, and a
// valid one does not clear the count.
func TestValidTokensDoNotSpendTheRefusals(t *testing.T) {
	s := newDemoServer(t)
	limited := s.withConfig(t, server.Config{Access: server.Access{AuthFailuresPerMinute: 3}})
	viewer := limited.as(t, buurtnet.RoleViewer)
	status, _, _ := call(t, limited.URL, "/query", "bnt_guess")
	assert.Equal(t, http.StatusUnauthorized, status)
	for range 10 {
		status, _, body := call(t, limited.URL, "/query", viewer.token)
		require.Equal(t, http.StatusOK, status, body)
	}
	for range 2 {
		status, _, _ = call(t, limited.URL, "/query", "bnt_guess")
		assert.Equal(t, http.StatusUnauthorized, status)
	}
	status, _, _ = call(t, limited.URL, "/query", "bnt_guess")
	assert.Equal(t, http.StatusTooManyRequests, status, "the third refusal was the last")
}

// TestOneRateLimitForEveryEndpoint: /query and /export spend the same
// budget, so alternating between them buys nothing.
func TestOneRateLimitForEveryEndpoint(t *testing.T) {
	s := newDemoServer(t)
	limited := s.withConfig(t, server.Config{Access: server.Access{RatePerSecond: 0.01, Burst: 4}})
	viewer := limited.as(t, buurtnet.RoleViewer)
	var codes []int
	for i := range 8 {
		path := "/query"
		if i%2 == 1 {
			path = "/export/network?format=json"
		}
		status, _, _ := call(t, limited.URL, path, viewer.token)
		codes = append(codes, status)
	}
	assert.Equal(t, []int{200, 200, 200, 200, 429, 429, 429, 429}, codes)
	status, _, _ := call(t, limited.URL, "/query", "")
	assert.Equal(t, http.StatusOK, status, "anonymous callers have their own budget")
}
