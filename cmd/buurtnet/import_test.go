package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/sqlite"
)

func TestImportCommand(t *testing.T) {
	ctx := context.Background()
	dsn := filepath.Join(t.TempDir(), "buurtnet.db")
	fixture := func(name string) string { return filepath.Join("..", "..", "testdata", "import", name) }
	organisations := func() int {
		db, err := sqlite.Open(ctx, dsn)
		require.NoError(t, err)
		defer db.Close()
		_, n, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation})
		require.NoError(t, err)
		return n
	}

	// A file with problems creates no store file.
	err := runImport(ctx, []string{"--store", dsn, fixture("errors-organisations.csv")}, io.Discard, io.Discard)
	require.ErrorContains(t, err, "nothing was imported")
	entries, _ := os.ReadDir(filepath.Dir(dsn))
	assert.Empty(t, entries, "a refused import into a new file leaves no file behind")

	require.NoError(t, run(ctx, []string{"import", fixture("organisations.csv"), "--store", dsn}))
	assert.Equal(t, 4, organisations())

	// Problems: all of them printed, a non-zero exit, nothing written.
	var out bytes.Buffer
	err = runImport(ctx, []string{"--store", dsn, fixture("errors-organisations.csv")}, &out, io.Discard)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nothing was imported")
	assert.Contains(t, out.String(), "errors-organisations row 3, column ondernemingsnummer: ")
	assert.Contains(t, out.String(), "errors-organisations row 8, column soort: ")
	assert.Equal(t, 4, organisations())

	// --valid-only --dry-run: the problems, then what would happen.
	out.Reset()
	require.NoError(t, runImport(ctx, []string{fixture("errors-organisations.csv"), "--valid-only", "--dry-run", "--store", dsn}, &out, io.Discard))
	assert.Contains(t, out.String(), "errors-organisations row 2, column naam_nl: ")
	assert.Contains(t, out.String(), "Dry run, nothing written; the import would give: 0 created, 1 updated, 0 unchanged, 5 skipped.")
	assert.Contains(t, out.String(), "  ~ org:wijkhuis-noord\n")

	// --sheet names the sheet of a CSV file whose name does not.
	b, err := os.ReadFile(fixture("organisations.csv"))
	require.NoError(t, err)
	export := filepath.Join(t.TempDir(), "export (3).csv")
	require.NoError(t, os.WriteFile(export, b, 0o600))
	out.Reset()
	require.NoError(t, runImport(ctx, []string{export, "--sheet", "organisations", "--store", dsn}, &out, io.Discard))
	assert.Equal(t, "Imported: 0 created, 0 updated, 4 unchanged, 0 skipped.\n", out.String(), "the second time, nothing changes")

	assert.Error(t, run(ctx, []string{"import", "--store", dsn}), "no file")
	pdf := filepath.Join(t.TempDir(), "partners.pdf")
	require.NoError(t, os.WriteFile(pdf, []byte("%PDF-1.7"), 0o600))
	err = run(ctx, []string{"import", pdf, "--store", dsn})
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err), "a file the importer cannot read")
}
