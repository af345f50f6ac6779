package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet/web"
)

// TestTrustedDocumentsTrustTheExplorer: with an allow-list on, the
// explorer's own operations still run (its manifest is the first), the
// operator's manifest adds its documents, and anything else is refused.
func TestTrustedDocumentsTrustTheExplorer(t *testing.T) {
	own := `{ projects(first: 1) { totalCount } }`
	manifest := filepath.Join(t.TempDir(), "ours.json")
	b, err := json.Marshal(map[string]string{sha256Hex(own): own})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(manifest, b, 0o600))

	m := NewMain()
	m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	require.NoError(t, m.ParseFlags([]string{"--listen", "127.0.0.1:0", "--store", ":memory:", "--trusted-documents", manifest}))
	require.NoError(t, m.Run(context.Background()))
	defer m.Close()

	raw, err := fs.ReadFile(web.Dist(), "operations.json")
	require.NoError(t, err)
	var explorer map[string]string
	require.NoError(t, json.Unmarshal(raw, &explorer))
	require.NotEmpty(t, explorer)
	var hash string
	for h, doc := range explorer {
		if strings.Contains(doc, "query ") && !strings.Contains(doc, "$") {
			hash = h
			break
		}
	}
	require.NotEmpty(t, hash, "an explorer query without variables")

	post := func(body string) (int, string) {
		req, err := http.NewRequest(http.MethodPost, "http://"+m.Addr+"/query", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(out)
	}
	status, body := post(`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"` + hash + `"}}}`)
	assert.Equal(t, http.StatusOK, status, body)
	assert.Contains(t, body, `"data"`)
	assert.NotContains(t, body, "errors")

	status, body = post(`{"query":` + quote(own) + `}`)
	assert.Equal(t, http.StatusOK, status, body)
	assert.Contains(t, body, "totalCount")

	_, body = post(`{"query":"{ organisations(first: 1) { totalCount } }"}`)
	assert.Contains(t, body, "OPERATION_NOT_TRUSTED")
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func sha256Hex(doc string) string {
	sum := sha256.Sum256([]byte(doc))
	return hex.EncodeToString(sum[:])
}
