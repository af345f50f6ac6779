package sqlite

import (
	"context"
	"database/sql"
	"fmt"
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
func deferIndexes(ctx context.Context, tx *sql.Tx, tables ...string) (rebuild func(context.Context) error, err error) {
	var saved []string
	for _, table := range tables {
		var any int
		err := tx.QueryRowContext(ctx, fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM %q)`, table)).Scan(&any)
		if err != nil {
			return nil, fmt.Errorf("defer indexes of %s: %w", table, err)
		}
		if any == 1 {
			continue
		}
		rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master
			WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'`, table)
		if err != nil {
			return nil, fmt.Errorf("defer indexes of %s: %w", table, err)
		}
		var names []string
		for rows.Next() {
			var name, create string
			if err := rows.Scan(&name, &create); err != nil {
				rows.Close()
				return nil, fmt.Errorf("defer indexes of %s: %w", table, err)
			}
			names, saved = append(names, name), append(saved, create)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("defer indexes of %s: %w", table, err)
		}
		for _, name := range names {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`DROP INDEX %q`, name)); err != nil {
				return nil, fmt.Errorf("defer index %s: %w", name, err)
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
	}, nil
}
