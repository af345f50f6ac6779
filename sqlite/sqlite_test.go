package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/sqlite"
)

// The migrations run once, are recorded, and a second Open finds nothing
// to do.
func TestMigrationsAppliedOnceAndRecorded(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "buurtnet.db")
	for i := 0; i < 2; i++ {
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		db.Close()
	}

	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT version, applied_at FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var versions []int
	for rows.Next() {
		var v int
		var at string
		if err := rows.Scan(&v, &at); err != nil {
			t.Fatal(err)
		}
		if at == "" {
			t.Errorf("migration %d has no applied_at", v)
		}
		versions = append(versions, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(versions, []int{1, 2, 3, 4, 5}) {
		t.Errorf("schema_migrations holds versions %v, want [1 2 3 4 5]", versions)
	}
	for _, table := range []string{"nodes", "links", "tokens", "audit_log"} {
		var n int
		if err := raw.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s: found %d (%v)", table, n, err)
		}
	}
}

// Closing and reopening a file keeps what was written, timestamps included.
func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "buurtnet.db")
	db, _ := openPath(t, path)
	loadSmall(t, db)
	before, err := db.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, _ = openPath(t, path)
	after, err := db.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(after.Nodes()), len(before.Nodes()); got != want || want == 0 {
		t.Fatalf("after reopening: %d entities, want %d", got, want)
	}
	if got, want := len(after.Links), len(before.Links); got != want {
		t.Fatalf("after reopening: %d links, want %d", got, want)
	}
	p := after.Projects[0]
	if !p.CreatedAt.Equal(t0) || !p.UpdatedAt.Equal(t0) {
		t.Errorf("%s: stamps %v / %v, want %v", p.ID, p.CreatedAt, p.UpdatedAt, t0)
	}
}

// Every connection of the pool gets the pragmas of the DSN, not only the
// first: hold two at once and ask each.
func TestPragmasOnEveryPooledConnection(t *testing.T) {
	ctx := context.Background()
	db, _ := openFile(t)
	pool := db.SQL()
	c1, err := pool.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c1.Close()
	c2, err := pool.Conn(ctx) // c1 is held, so this is another connection
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	for i, c := range []*sql.Conn{c1, c2} {
		var fk, busy int
		var journal string
		if err := c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&journal); err != nil {
			t.Fatal(err)
		}
		if fk != 1 || busy != 5000 || journal != "wal" {
			t.Errorf("connection %d: foreign_keys=%d busy_timeout=%d journal_mode=%s, want 1, 5000, wal", i+1, fk, busy, journal)
		}
	}
}

// Foreign keys hold through the store too: deleting an entity removes its
// links, whichever connection the pool hands out.
func TestDeleteCascadesOnConcurrentConnections(t *testing.T) {
	ctx := context.Background()
	db, _ := openFile(t)
	loadSmall(t, db)
	var wg sync.WaitGroup
	for _, id := range []string{"org:okra", "funder:vgc"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := db.DeleteNode(ctx, id); err != nil {
				t.Errorf("DeleteNode(%s): %v", id, err)
			}
		}()
	}
	wg.Wait()
	links, err := db.Links(ctx, buurtnet.LinkQuery{From: []string{"org:okra", "funder:vgc"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != 0 {
		t.Errorf("links of deleted entities remain: %v", links)
	}
}

// ":memory:" is a private database; with its single connection, concurrent
// callers queue rather than each seeing an empty database of their own.
func TestMemory(t *testing.T) {
	ctx := context.Background()
	db, _ := openPath(t, ":memory:")
	loadSmall(t, db)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			nodes, total, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindProject})
			if err != nil || total != 4 || len(nodes) != 4 {
				t.Errorf("Find(projects) = %d of %d, %v; want 4 of 4", len(nodes), total, err)
			}
		}()
	}
	wg.Wait()

	other, _ := openPath(t, ":memory:")
	if _, total, err := other.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindProject}); err != nil || total != 0 {
		t.Errorf("a second :memory: database sees %d projects (%v), want 0", total, err)
	}
}

// A cancelled context surfaces as itself, so callers can tell it from a
// failure of the store.
func TestCancelledContext(t *testing.T) {
	db, _ := openFile(t)
	loadSmall(t, db)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindProject}); !errors.Is(err, context.Canceled) {
		t.Errorf("Find with a cancelled context: %v, want context.Canceled", err)
	}
	if err := db.CreateNode(ctx, &buurtnet.Term{ID: "theme:new", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "Nieuw"}}); err == nil || !errors.Is(err, context.Canceled) {
		t.Errorf("CreateNode with a cancelled context: %v, want context.Canceled", err)
	}
}

// A closed store answers UNAVAILABLE.
func TestClosed(t *testing.T) {
	db, _ := openFile(t)
	db.Close()
	err := db.Ping(context.Background())
	if code := buurtnet.ErrorCode(err); code != buurtnet.EUNAVAILABLE {
		t.Errorf("Ping after Close: %v (code %s), want %s", err, code, buurtnet.EUNAVAILABLE)
	}
}

func TestPing(t *testing.T) {
	db, _ := openFile(t)
	if err := db.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// Unique violations read as CONFLICT with the field and a message a person
// can act on.
func TestUniqueViolationsAreConflicts(t *testing.T) {
	ctx := context.Background()
	db, _ := openFile(t)
	loadSmall(t, db)

	err := db.CreateNode(ctx, &buurtnet.Project{ID: "project:boost", Name: buurtnet.Text{NL: "Nog eens BOOST"}})
	if buurtnet.ErrorCode(err) != buurtnet.ECONFLICT || buurtnet.ErrorField(err) != "id" {
		t.Errorf("duplicate id: %v, want CONFLICT on id", err)
	}
	err = db.CreateNode(ctx, &buurtnet.Organisation{ID: "org:twin", Name: buurtnet.Text{NL: "Tweeling"}, EnterpriseNumber: "BE 0123 456 749"})
	if buurtnet.ErrorCode(err) != buurtnet.ECONFLICT || buurtnet.ErrorField(err) != "enterpriseNumber" {
		t.Errorf("taken enterprise number: %v, want CONFLICT on enterpriseNumber", err)
	}
	if msg := buurtnet.ErrorMessage(err); !strings.Contains(msg, "Brusano") || !strings.Contains(msg, "org:brusano") {
		t.Errorf("message %q does not say which organisation has the number", msg)
	}
	_, err = db.UpdateNode(ctx, "org:cgg", func(n buurtnet.Node) error {
		n.(*buurtnet.Organisation).EnterpriseNumber = "0123456749"
		return nil
	})
	if buurtnet.ErrorCode(err) != buurtnet.ECONFLICT || buurtnet.ErrorField(err) != "enterpriseNumber" {
		t.Errorf("update to a taken enterprise number: %v, want CONFLICT on enterpriseNumber", err)
	}
	err = db.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkCollaboratesWith, From: "project:zoom", To: "project:boost"}})
	if buurtnet.ErrorCode(err) != buurtnet.ECONFLICT || buurtnet.ErrorField(err) != "to" {
		t.Errorf("duplicate symmetric link: %v, want CONFLICT on to", err)
	}
}
