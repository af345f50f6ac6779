package server_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet/server"
)

func sha(doc string) string {
	sum := sha256.Sum256([]byte(doc))
	return hex.EncodeToString(sum[:])
}

func writeManifest(t *testing.T, docs ...string) string {
	t.Helper()
	m := map[string]string{}
	for _, d := range docs {
		m[sha(d)] = d
	}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "trusted.json")
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path
}

// postRaw posts body to /query as application/graphql-response+json and
// returns the status and the decoded answer.
func postRaw(t *testing.T, url string, body map[string]any) (int, gqlResponse) {
	t.Helper()
	b, err := json.Marshal(body)
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, url+"/query", bytes.NewReader(b))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var r gqlResponse
	raw, _ := io.ReadAll(resp.Body)
	require.NoError(t, json.Unmarshal(raw, &r), string(raw))
	return resp.StatusCode, r
}

func TestTrustedDocuments(t *testing.T) {
	const projects = `query Projects { projects { totalCount } }`
	const funders = `query Funders($first: Int) { funders(first: $first) { nodes { id } } }`
	docs, err := server.LoadTrustedDocuments(writeManifest(t, projects, funders))
	require.NoError(t, err)
	s := newDemoServer(t).withConfig(t, server.Config{TrustedDocuments: docs, Introspection: true})

	ok := func(body map[string]any) {
		t.Helper()
		status, r := postRaw(t, s.URL, body)
		assert.Equal(t, http.StatusOK, status)
		assert.Empty(t, r.Errors)
		assert.Contains(t, string(r.Data), "totalCount")
	}
	refused := func(body map[string]any, code, field string) {
		t.Helper()
		status, r := postRaw(t, s.URL, body)
		assert.Equal(t, http.StatusBadRequest, status)
		require.Len(t, r.Errors, 1)
		assert.Equal(t, code, r.Errors[0].Extensions["code"], r.Errors[0].Message)
		assert.Equal(t, field, r.Errors[0].Extensions["field"])
		assert.Empty(t, r.Data)
	}

	ok(map[string]any{"query": projects})
	ok(map[string]any{"documentId": "sha256:" + sha(projects)})
	ok(map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": sha(projects)}}})
	status, r := postRaw(t, s.URL, map[string]any{"documentId": "sha256:" + sha(funders), "variables": map[string]any{"first": 2}})
	assert.Equal(t, http.StatusOK, status)
	assert.Empty(t, r.Errors)
	assert.JSONEq(t, `{"funders":{"nodes":[{"id":"funder:cera"},{"id":"funder:fonds-daniel-de-coninck"}]}}`, string(r.Data))

	refused(map[string]any{"query": `{ projects { totalCount } }`}, "OPERATION_NOT_TRUSTED", "query")
	refused(map[string]any{"query": `{ __schema { types { name } } }`}, "OPERATION_NOT_TRUSTED", "query")
	refused(map[string]any{"documentId": "sha256:" + sha("{ me { name } }")}, "PERSISTED_QUERY_NOT_FOUND", "documentId")
	refused(map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": sha("{ me { name } }")}}},
		"PERSISTED_QUERY_NOT_FOUND", "extensions.persistedQuery.sha256Hash")
	refused(map[string]any{"documentId": "md5:abc"}, "INVALID", "documentId")
	refused(map[string]any{"documentId": "sha256:" + sha(projects), "query": `{ me { name } }`}, "INVALID", "documentId")

	// GET names documents the same way.
	resp, err := http.Get(s.URL + "/query?documentId=" + url.QueryEscape("sha256:"+sha(projects)))
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(b), "totalCount")

	t.Run("Manifests", func(t *testing.T) {
		_, err := server.LoadTrustedDocuments(filepath.Join(t.TempDir(), "missing.json"))
		assert.Error(t, err)
		bad := filepath.Join(t.TempDir(), "bad.json")
		require.NoError(t, os.WriteFile(bad, []byte(`{"`+sha("{ me { name } }")+`": "{ me { nam } }"}`), 0o600))
		_, err = server.LoadTrustedDocuments(bad)
		assert.ErrorContains(t, err, "has the hash", "a hash that is not the document's")
		_, err = server.LoadTrustedDocuments(writeManifest(t, `{ me { nam } }`))
		assert.ErrorContains(t, err, "not valid against the schema")
	})

	t.Run("Off", func(t *testing.T) {
		open := newDemoServer(t).withConfig(t, server.Config{})
		status, r := postRaw(t, open.URL, map[string]any{"documentId": "sha256:" + sha(projects)})
		assert.Equal(t, http.StatusBadRequest, status)
		require.Len(t, r.Errors, 1)
		assert.Equal(t, "INVALID", r.Errors[0].Extensions["code"])
		// Automatic persisted queries still work: send once in full, then by hash.
		apq := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": sha(projects)}}
		status, _ = postRaw(t, open.URL, map[string]any{"extensions": apq})
		assert.Equal(t, http.StatusBadRequest, status, "not registered yet")
		status, _ = postRaw(t, open.URL, map[string]any{"query": projects, "extensions": apq})
		assert.Equal(t, http.StatusOK, status)
		status, r = postRaw(t, open.URL, map[string]any{"extensions": apq})
		assert.Equal(t, http.StatusOK, status)
		assert.Contains(t, string(r.Data), "totalCount")
	})
}
