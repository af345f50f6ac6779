package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/importer"
	"github.com/buurtnet/buurtnet/sqlite"
)

// fixture is a file of testdata/import.
func fixture(name string) string { return filepath.Join("..", "testdata", "import", name) }

// mustOpenStore opens an empty embedded store in a temporary directory.
func mustOpenStore(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "buurtnet.db"))
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = db.Close() })
	return db
}

// sheet is one sheet of a generated workbook: rows[0] is the header.
type sheet struct {
	name string
	rows [][]any
}

// writeXLSX writes a workbook, the way a facilitator's spreadsheet program
// would: typed cells (numbers, dates) where the values are typed.
func writeXLSX(tb testing.TB, sheets ...sheet) string {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			require.NoError(tb, f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			require.NoError(tb, err)
		}
		for r, row := range s.rows {
			cell, err := excelize.CoordinatesToCellName(1, r+1)
			require.NoError(tb, err)
			require.NoError(tb, f.SetSheetRow(s.name, cell, &row))
		}
	}
	path := filepath.Join(tb.TempDir(), "partners.xlsx")
	require.NoError(tb, f.SaveAs(path))
	return path
}

// readFile reads a file with importer.Read, under its own name.
func readFile(tb testing.TB, path string) (*buurtnet.Network, *importer.Report) {
	tb.Helper()
	f, err := os.Open(path)
	require.NoError(tb, err)
	defer f.Close()
	net, rep, err := importer.Read(context.Background(), filepath.Base(path), f)
	require.NoError(tb, err)
	return net, rep
}

// snapshot returns the store's graph without timestamps, for comparisons.
func snapshot(tb testing.TB, store buurtnet.Store) *buurtnet.Network {
	tb.Helper()
	n, err := store.Snapshot(context.Background())
	require.NoError(tb, err)
	for _, node := range n.Nodes() {
		buurtnet.SetStamp(node, buurtnet.Stamp{}) // every kind, the new ones too
	}
	for _, l := range n.Links {
		l.Stamp = buurtnet.Stamp{}
	}
	return n
}

// at is a problem's place, for comparing places without messages.
type at struct {
	Sheet  string
	Row    int
	Column string
}

func places(ps []importer.Problem) []at {
	out := make([]at, len(ps))
	for i, p := range ps {
		out[i] = at{p.Sheet, p.Row, p.Column}
	}
	return out
}
