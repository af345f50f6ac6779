// Package sqlite is the embedded store: buurtnet.Store on a single SQLite
// file (modernc.org/sqlite, pure Go, so the service stays one static binary).
// Its tables mirror the property graph of the Neo4j store, one of nodes and
// one of links, so that both stores answer the same questions the same way.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

var _ buurtnet.Store = (*DB)(nil)

// timeFormat is RFC 3339 with a fixed nine-digit fraction: unlike
// time.RFC3339Nano, which drops trailing zeros, its strings sort in time
// order, which ORDER BY created_at relies on.
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

// DB is the store. Open it with Open; the zero value is not usable.
type DB struct {
	db     *sql.DB
	path   string
	closed atomic.Bool

	// Now returns the current time; tests fix it. Every write reads it once,
	// so that all timestamps of one change agree.
	Now func() time.Time
}

// Open opens (creating it if need be) the database at path and brings its
// schema up to date. Path ":memory:" gives a private in-memory database,
// for tests.
func Open(ctx context.Context, path string) (*DB, error) {
	return open(ctx, path, false)
}

// open is Open; building opens a file that Build makes (see there).
func open(ctx context.Context, path string, building bool) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: open: no database path given")
	}
	if strings.Contains(path, "?") {
		// The driver reads everything after "?" as connection options.
		return nil, fmt.Errorf("sqlite: open %s: a database path cannot contain '?'", path)
	}
	memory := path == ":memory:"

	// Options go in the DSN so that every connection the pool opens gets
	// them, not just the first. Immediate transactions take the write lock
	// at BEGIN: two deferred transactions that both read and then write
	// would otherwise deadlock on the upgrade, and only a busy error would
	// tell. Read-only transactions (see read) still begin deferred.
	//
	// Temporary storage stays in memory: a statement that writes many rows
	// keeps the pages it changes in a statement journal, to undo itself
	// alone should it fail, and in a file that journal costs a system call
	// per page.
	//
	// Each connection caches up to pageCacheKiB of pages.
	opts := "_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=temp_store(memory)&_pragma=cache_size(-" + strconv.Itoa(pageCacheKiB) + ")&_txlock=immediate"
	switch {
	case building:
		opts += buildOptions
	case !memory:
		opts += "&_pragma=journal_mode(wal)"
	}
	sqldb, err := sql.Open("sqlite", path+"?"+opts)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if memory || building {
		// Each connection to ":memory:" is a database of its own, so the pool
		// must hold exactly one, and never let it go. A file being built
		// is locked by its one connection (see buildOptions).
		sqldb.SetMaxOpenConns(1)
		sqldb.SetMaxIdleConns(1)
		sqldb.SetConnMaxLifetime(0)
		sqldb.SetConnMaxIdleTime(0)
	} else {
		// A request reads through several connections at once (one per
		// batch of its relation fields). The pool keeps only two idle by
		// default and closes the rest after use: each read beyond two then
		// opened a connection, ran the pragmas and read its pages from a
		// cold cache. Eight stay open, so their caches (each up to 4 MB)
		// serve the next requests.
		sqldb.SetMaxIdleConns(8)
	}
	db := &DB{db: sqldb, path: path, Now: time.Now}
	if err := db.migrate(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

// pageCacheKiB is the page cache of each connection of the pool: 4 MB,
// where SQLite's default is 2 MB. The questions read the same indexes over
// and over, and a page read again from the file costs a system call and a
// copy. 16 MB, as it was, cost memory and bought no speed once the service
// kept what it decoded (resolvers' read cache, the Analyst's profiles): in
// the scale benchmark, two alternate runs each, the service held 285–292 MB
// instead of 307–321 at tier M (`-uncached`) and 609–615 MB instead of
// 704–718 at tier L, with no question slower.
const pageCacheKiB = 4096

// Close closes the connection pool.
func (db *DB) Close() error {
	db.closed.Store(true)
	if err := db.db.Close(); err != nil {
		return fmt.Errorf("sqlite: close %s: %w", db.path, err)
	}
	return nil
}

// Ping checks that the database answers a query.
func (db *DB) Ping(ctx context.Context) (err error) {
	defer db.wrap(ctx, &err, "ping")
	var one int
	return db.db.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// now is the time of one change, in UTC and without a monotonic reading, so
// that it round-trips through the database unchanged.
func (db *DB) now() time.Time { return db.Now().UTC().Round(0) }

// read begins a transaction that only reads: it begins deferred, so readers
// do not queue for the write lock, and still sees one consistent state.
func (db *DB) read(ctx context.Context) (*sql.Tx, error) {
	return db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}

// write begins a transaction that holds the write lock from the start.
func (db *DB) write(ctx context.Context) (*sql.Tx, error) {
	return db.db.BeginTx(ctx, nil)
}

func formatTime(t time.Time) string { return timeText.Format(t) }

var timeText = storekit.NewTimeText(timeFormat)
