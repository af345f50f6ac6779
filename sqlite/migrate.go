package sqlite

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// migrations are the schema changes, applied in the order of their number.
// A released file is never edited: a change to the schema is a new file.
//
//go:embed migrations/*.sql
var migrations embed.FS

// migrate applies the migrations the database has not seen yet, each in its
// own transaction together with its row in schema_migrations, so a failed
// migration leaves the schema as it was and is retried at the next Open.
func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	byVersion := map[int]string{}
	var versions []int
	for _, name := range names {
		v, err := migrationVersion(name)
		if err != nil {
			return err
		}
		if other, dup := byVersion[v]; dup {
			return fmt.Errorf("migrations %s and %s have the same number", other, name)
		}
		byVersion[v] = name
		versions = append(versions, v)
	}
	sort.Ints(versions)
	for _, v := range versions {
		if err := db.migrateOne(ctx, byVersion[v], v); err != nil {
			return fmt.Errorf("migration %s: %w", byVersion[v], err)
		}
	}
	return nil
}

func (db *DB) migrateOne(ctx context.Context, name string, version int) error {
	tx, err := db.write(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	// Checked inside the write transaction: two processes opening the same
	// file at once then apply each migration once between them.
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	script, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, version, formatTime(db.now())); err != nil {
		return err
	}
	return tx.Commit()
}

// migrationVersion reads the number a migration file name starts with
// ("migrations/0001_init.sql" is version 1).
func migrationVersion(name string) (int, error) {
	base := strings.TrimPrefix(name, "migrations/")
	digits, _, ok := strings.Cut(base, "_")
	v, err := strconv.Atoi(digits)
	if !ok || err != nil || v <= 0 {
		return 0, fmt.Errorf("migration %s: the file name must start with its number, as in 0001_init.sql", name)
	}
	return v, nil
}
