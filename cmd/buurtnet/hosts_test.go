package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoopbackInstanceRefusesRebinding: a service on loopback answers only to
// the loopback names, so a page whose name is made to resolve to 127.0.0.1
// (DNS rebinding) gets nothing from it.
func TestLoopbackInstanceRefusesRebinding(t *testing.T) {
	m := NewMain()
	m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	require.NoError(t, m.ParseFlags([]string{"--listen", "127.0.0.1:0", "--store", ":memory:"}))
	require.NoError(t, m.Run(context.Background()))
	defer m.Close()
	get := func(host string) (int, string) {
		req, err := http.NewRequest(http.MethodPost, "http://"+m.Addr+"/query", strings.NewReader(`{"query":"{ projects { totalCount } }"}`))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	status, body := get("evil.example:8080")
	assert.Equal(t, http.StatusForbidden, status)
	assert.Contains(t, body, "FORBIDDEN")
	assert.NotContains(t, body, "totalCount")
	req, err := http.NewRequest(http.MethodGet, "http://"+m.Addr+"/healthz", nil)
	require.NoError(t, err)
	req.Host = "10.1.2.3:8080" // a probe calling by address
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "health checks answer to any name")
	for _, host := range []string{"localhost:8080", "127.0.0.1", "[::1]:8080", "LOCALHOST."} {
		status, body = get(host)
		assert.Equal(t, http.StatusOK, status, host)
		assert.Contains(t, body, "totalCount", host)
	}
}

func TestAllowedHosts(t *testing.T) {
	assert.Equal(t, []string{"localhost", "127.0.0.1", "::1"}, allowedHosts("", "127.0.0.1:8080"))
	assert.Equal(t, []string{"localhost", "127.0.0.1", "::1"}, allowedHosts("", "[::1]:8080"))
	assert.Nil(t, allowedHosts("", "0.0.0.0:8080"), "behind a proxy: set --allowed-hosts")
	assert.Nil(t, allowedHosts("*", "127.0.0.1:8080"))
	assert.Equal(t, []string{"buurtnet.example", "api.example"}, allowedHosts("buurtnet.example, api.example", "0.0.0.0:8080"))
}
