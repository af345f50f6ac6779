package briefing_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var (
	// loadedAt is when the demo network is loaded in tests, and today the
	// day the briefings are made: fixed, so that stamps, "added since" and
	// file names do not change from run to run.
	loadedAt = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	today    = buurtnet.NewDate(2026, 11, 26)
)

// demoStore returns a fresh embedded store holding the demo network.
func demoStore(tb testing.TB) *sqlite.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "buurtnet.db"))
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = db.Close() })
	db.Now = func() time.Time { return loadedAt }
	network, err := buurtnet.DemoNetwork()
	require.NoError(tb, err)
	_, err = db.Apply(ctx, network, buurtnet.ApplyOptions{})
	require.NoError(tb, err)
	return db
}

// golden compares got with testdata/golden/name, or rewrites the file with
// -update. Review a rewritten file's diff before committing it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", "golden", filepath.FromSlash(name))
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./briefing/ -update")
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the golden file (go test ./briefing/ -update rewrites it):\n--- got ---\n%s", name, got)
	}
}

func date(s string) buurtnet.Date {
	d, err := buurtnet.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
