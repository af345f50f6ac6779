package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// TestServeLoadsDemoOnce starts the service the way `buurtnet` does, on a
// fresh file store, and checks that the demo network is loaded on the first
// start only.
func TestServeLoadsDemoOnce(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "buurtnet.db")
	start := func() *Main {
		m := NewMain()
		m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
		require.NoError(t, m.ParseFlags([]string{"--listen", "127.0.0.1:0", "--store", dsn}))
		require.NoError(t, m.Run(context.Background()))
		return m
	}
	query := func(m *Main, q string) string {
		req, err := http.NewRequest(http.MethodPost, "http://"+m.Addr+"/query", strings.NewReader(`{"query":"`+q+`"}`))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+editorToken(t, m))
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return string(b)
	}

	m := start()
	assert.Contains(t, query(m, `{ projects(first: 0) { totalCount } }`), `"totalCount":8`) // BOOST: programme and action package; the Overleg is a consultation
	assert.Contains(t, query(m, `mutation { deleteProject(id: \"project:manaige\") }`), `project:manaige`)
	require.NoError(t, m.Close())

	m = start() // the store is not empty: the demo must not come back
	defer m.Close()
	assert.Contains(t, query(m, `{ projects(first: 0) { totalCount } }`), `"totalCount":7`)

	resp, err := http.Get("http://" + m.Addr + "/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "playground at /")
}

func TestFlagsFromEnvironment(t *testing.T) {
	t.Setenv("BUURTNET_LISTEN", "127.0.0.1:9999")
	t.Setenv("BUURTNET_CORS_ORIGINS", "https://a.example, https://b.example")
	m := NewMain()
	require.NoError(t, m.ParseFlags(nil))
	assert.Equal(t, "127.0.0.1:9999", m.Listen)
	assert.Equal(t, []string{"https://a.example", "https://b.example"}, splitList(m.CORSOrigins))
	require.NoError(t, m.ParseFlags([]string{"--listen", ":1"}))
	assert.Equal(t, ":1", m.Listen, "a flag wins over the environment")
}

// editorToken makes a token with the editor role in m's store.
func editorToken(t *testing.T, m *Main) string {
	t.Helper()
	tok, secret, err := buurtnet.NewToken("test", buurtnet.RoleEditor)
	require.NoError(t, err)
	require.NoError(t, m.Store.CreateToken(context.Background(), tok))
	return secret
}
