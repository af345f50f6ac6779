package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
)

const importMutation = `mutation($file: Upload!, $dryRun: Boolean, $validOnly: Boolean) {
  importNetwork(file: $file, dryRun: $dryRun, validOnly: $validOnly) {
    created updated unchanged createdIds updatedIds skipped dryRun
    problems { sheet row column message } problemCount
  }
}`

type importResult struct {
	Created, Updated, Unchanged, Skipped int
	ProblemCount                         int
	CreatedIds, UpdatedIds               []string
	DryRun                               bool
	Problems                             []struct {
		Sheet   string
		Row     int
		Column  *string
		Message string
	}
}

type uploadResponse struct {
	Data *struct {
		ImportNetwork *importResult
	}
	Errors []struct {
		Message    string
		Extensions map[string]any
	}
}

// upload sends a file as the GraphQL multipart request spec says: the
// operations, the map from file parts to variables, then the file.
func upload(t *testing.T, url, filename string, body []byte, vars map[string]any, header ...string) (*http.Response, uploadResponse) {
	t.Helper()
	vars["file"] = nil
	operations, err := json.Marshal(map[string]any{"query": importMutation, "variables": vars})
	require.NoError(t, err)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	require.NoError(t, mw.WriteField("operations", string(operations)))
	require.NoError(t, mw.WriteField("map", `{"0": ["variables.file"]}`))
	part, err := mw.CreateFormFile("0", filename)
	require.NoError(t, err)
	_, err = part.Write(body)
	require.NoError(t, err)
	require.NoError(t, mw.Close())

	req, err := http.NewRequest(http.MethodPost, url+"/query", &buf)
	require.NoError(t, err)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out uploadResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	return resp, out
}

// bearer is the editor token uploads are made with ("" for anonymous).
var bearer string

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "import", name))
	require.NoError(t, err)
	return b
}

func TestImportNetworkUpload(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "buurtnet.db"))
	require.NoError(t, err)
	defer db.Close()
	srv := httptest.NewServer(server.NewHandler(server.Config{Store: db}))
	defer srv.Close()
	tok, secret, err := buurtnet.NewToken("importer test", buurtnet.RoleEditor)
	require.NoError(t, err)
	require.NoError(t, db.CreateToken(ctx, tok))
	bearer = secret
	t.Cleanup(func() { bearer = "" })
	organisations := func() int {
		_, n, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation})
		require.NoError(t, err)
		return n
	}

	t.Run("DryRun", func(t *testing.T) {
		_, out := upload(t, srv.URL, "organisations.csv", fixture(t, "organisations.csv"), map[string]any{"dryRun": true})
		require.Empty(t, out.Errors)
		r := out.Data.ImportNetwork
		assert.True(t, r.DryRun)
		assert.Equal(t, 4, r.Created)
		assert.Equal(t, 0, organisations(), "a dry run writes nothing")
	})

	t.Run("OK", func(t *testing.T) {
		_, out := upload(t, srv.URL, "organisations.csv", fixture(t, "organisations.csv"), map[string]any{})
		require.Empty(t, out.Errors)
		r := out.Data.ImportNetwork
		assert.Equal(t, 4, r.Created)
		assert.Contains(t, r.CreatedIds, "org:kbo-0987654394")
		assert.Empty(t, r.Problems)
		assert.Equal(t, 4, organisations())
	})

	t.Run("Problems", func(t *testing.T) {
		// Problems are the answer, not an error; nothing is written.
		_, out := upload(t, srv.URL, "errors-organisations.csv", fixture(t, "errors-organisations.csv"), map[string]any{})
		require.Empty(t, out.Errors)
		r := out.Data.ImportNetwork
		require.Len(t, r.Problems, 8)
		p := r.Problems[2]
		assert.Equal(t, "errors-organisations", p.Sheet)
		assert.Equal(t, 3, p.Row)
		require.NotNil(t, p.Column)
		assert.Equal(t, "ondernemingsnummer", *p.Column)
		assert.Equal(t, 0, r.Created+r.Updated)
		assert.Equal(t, 4, organisations())
	})

	t.Run("ValidOnly", func(t *testing.T) {
		_, out := upload(t, srv.URL, "errors-organisations.csv", fixture(t, "errors-organisations.csv"), map[string]any{"validOnly": true})
		require.Empty(t, out.Errors)
		r := out.Data.ImportNetwork
		assert.Equal(t, []string{"org:wijkhuis-noord"}, r.UpdatedIds)
		assert.Equal(t, 5, r.Skipped)
		assert.Len(t, r.Problems, 8)
	})

	t.Run("Unreadable", func(t *testing.T) {
		_, out := upload(t, srv.URL, "partners.xlsx", []byte("not a workbook"), map[string]any{})
		require.Len(t, out.Errors, 1)
		assert.Equal(t, "INVALID", out.Errors[0].Extensions["code"])
	})

	t.Run("CrossSiteNeedsPreflight", func(t *testing.T) {
		// A page on another site may post multipart/form-data without asking.
		resp, out := upload(t, srv.URL, "organisations.csv", []byte("naam\nVzw Van Elders\n"), map[string]any{}, "Origin", "https://elders.example")
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
		require.Len(t, out.Errors, 1)
		assert.Equal(t, "INVALID", out.Errors[0].Extensions["code"])
		assert.Equal(t, 4, organisations())

		_, out = upload(t, srv.URL, "organisations.csv", fixture(t, "organisations.csv"), map[string]any{},
			"Origin", "https://elders.example", "Apollo-Require-Preflight", "true")
		require.Empty(t, out.Errors)
		r := out.Data.ImportNetwork
		assert.Equal(t, 4, r.Unchanged+r.Updated, "asked first: accepted")
	})
}
