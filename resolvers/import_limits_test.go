package resolvers_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
)

// TestImportLimitsUpload sends the uploads that once took gigabytes: a
// header of a million columns is refused with one INVALID error, and a file
// with thousands of problems answers with the first 200 and their count.
func TestImportLimitsUpload(t *testing.T) {
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

	header := "name_nl" + strings.Repeat(";x", 999_999) + "\nWijkhuis\n"
	_, out := upload(t, srv.URL, "organisations.csv", []byte(header), map[string]any{"dryRun": true})
	require.Len(t, out.Errors, 1)
	assert.Equal(t, "INVALID", out.Errors[0].Extensions["code"])
	assert.Equal(t, "file", out.Errors[0].Extensions["field"])
	assert.Contains(t, out.Errors[0].Message, "row 1")

	var b strings.Builder
	b.WriteString("naam;soort\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "Wijkhuis %d;GEEN_SOORT\n", i)
	}
	_, out = upload(t, srv.URL, "organisations.csv", []byte(b.String()), map[string]any{"dryRun": true})
	require.Empty(t, out.Errors)
	r := out.Data.ImportNetwork
	assert.Len(t, r.Problems, 200)
	assert.Equal(t, 3000, r.ProblemCount)
	assert.Equal(t, 2, r.Problems[0].Row)
	assert.Equal(t, 201, r.Problems[199].Row)
}
