package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strconv"
)

// deferIndexes drops the secondary indexes of the tables that are empty,
// and returns what builds them again. An import into an empty table then
// writes its rows, and each index is built once from the sorted rows,
// rather than growing by one entry per row at a random place: for a region
// that halves the import. Unique indexes stay, so that the rows are checked
// as they go in; and every change is the transaction's own, so readers see
// the tables with their indexes before and after, and a rollback (a failed
// import, a dry run) puts the indexes back. The indexes are read from the
// schema, so that the migrations stay the one place that defines them.
// empty tells which of the tables held no row.
func deferIndexes(ctx context.Context, tx *sql.Tx, tables ...string) (rebuild func(context.Context) error, empty map[string]bool, err error) {
	var saved []string
	empty = map[string]bool{}
	for _, table := range tables {
		var any int
		err := tx.QueryRowContext(ctx, fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM %q)`, table)).Scan(&any)
		if err != nil {
			return nil, nil, fmt.Errorf("defer indexes of %s: %w", table, err)
		}
		if any == 1 {
			continue
		}
		empty[table] = true
		rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master
			WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'`, table)
		if err != nil {
			return nil, nil, fmt.Errorf("defer indexes of %s: %w", table, err)
		}
		var names []string
		for rows.Next() {
			var name, create string
			if err := rows.Scan(&name, &create); err != nil {
				rows.Close()
				return nil, nil, fmt.Errorf("defer indexes of %s: %w", table, err)
			}
			names, saved = append(names, name), append(saved, create)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, fmt.Errorf("defer indexes of %s: %w", table, err)
		}
		for _, name := range names {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`DROP INDEX %q`, name)); err != nil {
				return nil, nil, fmt.Errorf("defer index %s: %w", name, err)
			}
		}
	}
	return func(ctx context.Context) error {
		for _, create := range saved {
			if _, err := tx.ExecContext(ctx, create); err != nil {
				return fmt.Errorf("build index again: %w", err)
			}
		}
		return nil
	}, empty, nil
}

// bulkWrite begins the write transaction of an import on a connection of
// its own, set up for writing many rows:
//
//   - foreign keys are not checked: an import checks that the ends of every
//     link exist before it writes (Network.Validate, against the file and
//     the store, under the write lock), so the two index look-ups per link
//     that SQLite would add find nothing new. The setting cannot change
//     inside a transaction, hence the connection of its own.
//   - the pages the import touches stay in memory until the commit (a
//     region's import writes some 120 MB), rather than spilling to the log
//     half-written and being changed there again;
//   - sorting for the indexes built after the rows (see deferIndexes) may
//     use a second thread.
//
// release puts the connection back as the pool hands it out; a connection
// that cannot be set back is closed rather than returned.
func (db *DB) bulkWrite(ctx context.Context) (_ *sql.Tx, release func(), err error) {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	set := func(ctx context.Context, pragmas ...string) error {
		for _, p := range pragmas {
			if _, err := conn.ExecContext(ctx, `PRAGMA `+p); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		return nil
	}
	release = func() {
		ctx := context.WithoutCancel(ctx)
		if err := set(ctx, connectionPragmas...); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		conn.Close()
	}
	if err := set(ctx, bulkPragmas...); err != nil {
		release()
		return nil, nil, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		release()
		return nil, nil, err
	}
	return tx, release, nil
}

// bulkPragmas are bulkWrite's settings, connectionPragmas the pool's own
// values of the same settings (as Open's DSN sets them).
var (
	bulkPragmas       = []string{`foreign_keys = OFF`, `cache_size = -262144`, `threads = 2`}
	connectionPragmas = []string{`foreign_keys = ON`, `cache_size = -` + strconv.Itoa(pageCacheKiB), `threads = 0`}
)
