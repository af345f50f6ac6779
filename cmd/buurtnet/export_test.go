package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/buurtnet/buurtnet"
)

// TestExportBriefing writes a French spreadsheet of the demo network to a
// file, as a facilitator would before a meeting.
func TestExportBriefing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "overleg.xlsx")
	require.NoError(t, run(context.Background(), []string{"export", "briefing",
		"--store", ":memory:", "--demo", "--territory", "brabantwijk", "--format", "xlsx", "--lang", "fr", "--out", path}))

	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	sheets := f.GetSheetList()
	require.NotEmpty(t, sheets)
	assert.Equal(t, "Aperçu", sheets[0])
	territory, err := f.GetCellValue("Aperçu", "B2")
	require.NoError(t, err)
	assert.Equal(t, "Quartier Brabant", territory)
	rows, err := f.GetRows("Projets")
	require.NoError(t, err)
	assert.Len(t, rows, 3, "header and BOOST, CitiSen: the Overleg buurtprojecten is no project")
}

// TestExportFromStoreFile reads an existing store file, like serve, and
// writes Markdown to standard output.
func TestExportFromStoreFile(t *testing.T) {
	ctx := context.Background()
	dsn := filepath.Join(t.TempDir(), "buurtnet.db")
	store, err := openStore(ctx, dsn)
	require.NoError(t, err)
	require.NoError(t, loadDemoIfEmpty(ctx, store, slog.New(slog.NewTextHandler(io.Discard, nil))))
	require.NoError(t, store.Close())

	var stdout, stderr bytes.Buffer
	require.NoError(t, runExport(ctx, []string{"briefing", "--store", dsn, "--territory", "territory:brabantwijk", "--format", "md", "--out", "-"}, &stdout, &stderr))
	assert.True(t, strings.HasPrefix(stdout.String(), "# Briefing voor het overleg – Brabantwijk\n"), stdout.String())
}

// TestExportNetworkDefaultName: without --out the file gets the name the
// HTTP download would have, in the working directory.
func TestExportNetworkDefaultName(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	var stderr bytes.Buffer
	require.NoError(t, runExport(context.Background(), []string{"network", "--store", ":memory:", "--demo", "--format", "gexf"}, io.Discard, &stderr))
	files, err := filepath.Glob(filepath.Join(dir, "network-*.gexf"))
	require.NoError(t, err)
	require.Len(t, files, 1, stderr.String())
	data, err := os.ReadFile(files[0])
	require.NoError(t, err)
	assert.Contains(t, string(data), `<node id="project:boost"`)
	assert.Contains(t, stderr.String(), "wrote network-")
}

func TestExportErrors(t *testing.T) {
	ctx := context.Background()
	missing := filepath.Join(t.TempDir(), "nothing.db")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"NoSubject", []string{}, "briefing or network"},
		{"UnknownSubject", []string{"minutes", "--store", ":memory:"}, "subject"},
		{"BadFormat", []string{"briefing", "--territory", "brabantwijk", "--format", "docx"}, "format"},
		{"NoStore", []string{"briefing", "--territory", "brabantwijk", "--store", missing}, "no store at"},
		{"UnknownTerritory", []string{"briefing", "--territory", "atlantis", "--store", ":memory:", "--demo", "--out", "-"}, buurtnet.ENOTFOUND},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := runExport(ctx, c.args, io.Discard, io.Discard)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
	_, err := os.Stat(missing)
	assert.ErrorIs(t, err, os.ErrNotExist, "no empty store created by a failed export")
}
