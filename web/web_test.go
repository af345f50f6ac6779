package web_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet/web"
)

func get(t *testing.T, h http.Handler, method, path string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec.Result()
}

func TestExplorerRoutes(t *testing.T) {
	h := web.Handler(web.Options{Explorer: true, Playground: true})
	for path, want := range map[string]int{
		"/": 200, "/territory/brabantwijk": 200, "/project/citisen": 200, "/organisation/brusano": 200, "/funder/ggc": 200,
		"/theme/preventie": 200, "/search": 200, "/consultations": 200, "/consultation/overleg-buurtprojecten": 200, "/meeting/overleg-buurtprojecten-1": 200, "/network/territory/brabantwijk": 200, "/edit/project/boost": 200,
		"/playground": 200, "/operations.json": 200, "/favicon.svg": 200,
		"/nowhere": 404, "/assets/missing.js": 404, "/territoryx": 404,
	} {
		resp := get(t, h, http.MethodGet, path)
		assert.Equal(t, want, resp.StatusCode, path)
		assert.Equal(t, web.ContentSecurityPolicy, resp.Header.Get("Content-Security-Policy"), path)
	}
	index := get(t, h, http.MethodGet, "/project/citisen")
	body, _ := io.ReadAll(index.Body)
	assert.Contains(t, string(body), `<script type="module"`, "a page of the explorer is the application")
	assert.Equal(t, "no-cache", index.Header.Get("Cache-Control"))

	assets, err := fs.Glob(web.Dist(), "assets/*.js")
	require.NoError(t, err)
	require.NotEmpty(t, assets)
	resp := get(t, h, http.MethodGet, "/"+assets[0])
	assert.Equal(t, 200, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("Cache-Control"), "immutable", "assets carry their hash in their name")
	assert.Contains(t, resp.Header.Get("Content-Type"), "javascript")

	assert.Equal(t, http.StatusMethodNotAllowed, get(t, h, http.MethodPost, "/").StatusCode)
	assert.Equal(t, http.StatusOK, get(t, h, http.MethodHead, "/territory/brabantwijk").StatusCode)
}

func TestExplorerSwitches(t *testing.T) {
	noPlayground := web.Handler(web.Options{Explorer: true})
	assert.Equal(t, 404, get(t, noPlayground, http.MethodGet, "/playground").StatusCode)
	assert.Equal(t, 200, get(t, noPlayground, http.MethodGet, "/").StatusCode)

	playgroundOnly := web.Handler(web.Options{Playground: true})
	resp := get(t, playgroundOnly, http.MethodGet, "/")
	assert.Equal(t, http.StatusFound, resp.StatusCode, "without the explorer, / leads to the playground")
	assert.Equal(t, "/playground", resp.Header.Get("Location"))
	assert.Equal(t, 404, get(t, playgroundOnly, http.MethodGet, "/territory/brabantwijk").StatusCode)
	assert.Equal(t, 200, get(t, playgroundOnly, http.MethodGet, "/playground").StatusCode)
}

// Nothing the pages load comes from another machine: no absolute URL in a
// script, style or link of the built pages, nor in a url() of their styles.
func TestExplorerLoadsNothingFromElsewhere(t *testing.T) {
	dist := web.Dist()
	external := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//`)
	for _, page := range []string{"index.html", "playground.html"} {
		data, err := fs.ReadFile(dist, page)
		require.NoError(t, err)
		assert.NotRegexp(t, external, string(data), page)
	}
	css, err := fs.Glob(dist, "assets/*.css")
	require.NoError(t, err)
	require.NotEmpty(t, css)
	cssURL := regexp.MustCompile(`url\(\s*["']?(https?:)?//|@import`)
	for _, f := range css {
		data, err := fs.ReadFile(dist, f)
		require.NoError(t, err)
		assert.NotRegexp(t, cssURL, string(data), f)
	}
}

// The manifest of operations (for an allow-list of trusted documents) is the
// built copy of src/operations: each file's text under its SHA-256, and
// nothing else. A stale build fails here even where Node is absent.
func TestExplorerOperationsManifest(t *testing.T) {
	data, err := fs.ReadFile(web.Dist(), "operations.json")
	require.NoError(t, err)
	var manifest map[string]string
	require.NoError(t, json.Unmarshal(data, &manifest))
	files, err := filepath.Glob(filepath.Join("src", "operations", "*.graphql"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	want := map[string]string{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		text := strings.TrimSpace(string(src))
		sum := sha256.Sum256([]byte(text))
		want[hex.EncodeToString(sum[:])] = text
		name := strings.TrimSuffix(filepath.Base(f), ".graphql")
		assert.Regexp(t, `^(query|mutation) `+name+`\b`, text, "one operation per file, named like it")
	}
	assert.Equal(t, want, manifest, "web/dist/operations.json is stale: run npm ci && npm run build in web/")
}

// Every text of the explorer exists in Dutch, French and English.
func TestExplorerTextsInEveryLanguage(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("src", "i18n.ts"))
	require.NoError(t, err)
	keys := map[string]map[string]bool{}
	block := regexp.MustCompile(`(?s)const (nl|fr|en): Texts = \{(.*?)\n\}`)
	key := regexp.MustCompile(`'([a-zA-Z0-9_.]+)':`)
	for _, m := range block.FindAllStringSubmatch(string(src), -1) {
		keys[m[1]] = map[string]bool{}
		for _, k := range key.FindAllStringSubmatch(m[2], -1) {
			keys[m[1]][k[1]] = true
		}
	}
	require.Len(t, keys, 3)
	require.Greater(t, len(keys["nl"]), 200)
	assert.Equal(t, keys["nl"], keys["fr"], "Dutch and French have the same texts")
	assert.Equal(t, keys["nl"], keys["en"], "Dutch and English have the same texts")
}

// Every operation in the manifest is one the explorer sends: an allow-list
// made from it admits nothing the explorer does not need.
func TestExplorerOperationsAreUsed(t *testing.T) {
	var code strings.Builder
	require.NoError(t, filepath.WalkDir("src", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".ts") {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			code.Write(data)
		}
		return err
	}))
	files, err := filepath.Glob(filepath.Join("src", "operations", "*.graphql"))
	require.NoError(t, err)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".graphql")
		// Operations are named in the code only where they are sent:
		// query('Name', …), upload('Name', …), or the editing kinds' table.
		assert.Contains(t, code.String(), "'"+name+"'", "%s is not sent by the explorer", name)
	}
}
