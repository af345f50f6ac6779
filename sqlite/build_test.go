package sqlite_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/synthetic"
)

// A new file is built under another name and appears, whole, once the fill
// succeeded: a city's network goes in through the import's own path (the
// bulk connection, the deferred indexes) on the one connection a file
// being built has, and the file then opens with the write-ahead log, as
// readable as one Open made.
func TestBuildNewFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "city.db")
	net := synthetic.Network(synthetic.TierS, 1)
	err := sqlite.Build(ctx, path, func(db *sqlite.DB) error {
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("while filling: %s exists (%v)", path, err)
		}
		_, err := db.Apply(ctx, net, buurtnet.ApplyOptions{})
		return err
	})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	assertOnlyFile(t, dir, "city.db")
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("%s: %v, mode %v; want 0644", path, err, fi.Mode().Perm())
	}

	db, _ := openPath(t, path)
	var journal string
	if err := db.SQL().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&journal); err != nil || journal != "wal" {
		t.Errorf("journal_mode %q (%v), want wal", journal, err)
	}
	got, err := db.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Nodes()) != len(net.Nodes()) || len(got.Links) != len(net.Links) {
		t.Errorf("built file holds %d entities and %d links, want %d and %d", len(got.Nodes()), len(got.Links), len(net.Nodes()), len(net.Links))
	}
	if err := db.SQL().QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&journal); err != nil || journal != "ok" {
		t.Errorf("integrity_check: %q (%v)", journal, err)
	}
}

// A fill that fails leaves nothing behind: no file at the path, and no
// temporary file beside it.
func TestBuildFailedLeavesNoFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "city.db")
	refused := errors.New("refused")
	err := sqlite.Build(ctx, path, func(db *sqlite.DB) error {
		loadSmall(t, db)
		return refused
	})
	if !errors.Is(err, refused) {
		t.Fatalf("Build: %v, want the fill's error", err)
	}
	assertOnlyFile(t, dir)
}

// An existing file is filled in place, as Open opens it, and keeps what it
// held.
func TestBuildExistingFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "city.db")
	db, _ := openPath(t, path)
	loadSmall(t, db)
	want, err := db.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	err = sqlite.Build(ctx, path, func(db *sqlite.DB) error {
		got, err := db.Snapshot(ctx)
		if err == nil && len(got.Nodes()) != len(want.Nodes()) {
			t.Errorf("the existing file shows %d entities, want %d", len(got.Nodes()), len(want.Nodes()))
		}
		return err
	})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if err := sqlite.Build(ctx, ":memory:", func(*sqlite.DB) error { return nil }); err == nil {
		t.Error("Build(:memory:) succeeded; an in-memory database cannot be kept")
	}
}

// assertOnlyFile checks that dir holds exactly the files named.
func assertOnlyFile(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("%s holds %q, want %q", dir, got, names)
	}
	for i := range names {
		if got[i] != names[i] {
			t.Fatalf("%s holds %q, want %q", dir, got, names)
		}
	}
}
