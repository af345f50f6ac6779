// Package briefingtest holds what the tests of briefings and of exports
// share: the demo network in a fresh store, a fixed clock, the scenarios
// and the golden files in testdata/golden.
package briefingtest

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
	"github.com/buurtnet/buurtnet/briefing"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var (
	// LoadedAt is when the demo network is loaded in tests, and Today the
	// day the briefings are made: fixed, so that stamps, "added since" and
	// file names do not change from run to run.
	LoadedAt = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	Today    = buurtnet.NewDate(2026, 11, 26)
)

// Scenario is a briefing the golden files hold.
type Scenario struct {
	Name  string
	Scope briefing.Scope
}

// Scenarios: Brabantwijk today, after a meeting in September (nothing
// changed since), and the Brussels region in autumn 2019, when BOOST had
// just started.
var Scenarios = []Scenario{
	{"brabantwijk", briefing.Scope{Territory: "territory:brabantwijk", Since: Date("2026-09-10"), Today: Today}},
	{"brussels-region", briefing.Scope{Territory: "territory:brussels-region", On: Date("2019-10-15"), Since: Date("2019-06-20"), Today: Today}},
}

// DemoStore returns a fresh embedded store holding the demo network.
func DemoStore(tb testing.TB) *sqlite.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "buurtnet.db"))
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = db.Close() })
	db.Now = func() time.Time { return LoadedAt }
	network, err := demo.Network()
	require.NoError(tb, err)
	_, err = db.Apply(ctx, network, buurtnet.ApplyOptions{})
	require.NoError(tb, err)
	return db
}

// Build builds the briefing of s in lang, failing the test on an error.
func Build(tb testing.TB, store buurtnet.Store, s briefing.Scope, lang buurtnet.Lang) *briefing.Briefing {
	tb.Helper()
	s.Lang = lang
	b, err := briefing.Build(context.Background(), store, s)
	require.NoError(tb, err)
	return b
}

// Golden compares got with testdata/golden/name, or rewrites the file with
// -update. Review a rewritten file's diff before committing it.
func Golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", "golden", filepath.FromSlash(name))
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test with -update")
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the golden file (go test with -update rewrites it):\n--- got ---\n%s", name, got)
	}
}

// Date reads an ISO day; a test's own constant, so a bad one panics.
func Date(s string) buurtnet.Date {
	d, err := buurtnet.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
