package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/storetest"
)

// TestStore runs the behaviour suite shared with the Neo4j store. Each test
// gets its own database file and the store's real clock (the suite checks
// that UpdatedAt advances, which a fixed clock would not do).
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) buurtnet.Store {
		t.Helper()
		db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "buurtnet.db"))
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
