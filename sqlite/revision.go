package sqlite

import "context"

// Revision returns the number of the last audit entry. The audit log's ids
// come from AUTOINCREMENT, which never hands out a number twice, so the
// revision grows with every write, by this process or another one.
func (db *DB) Revision(ctx context.Context) (_ int64, err error) {
	defer db.wrap(ctx, &err, "revision")
	var rev int64
	err = db.db.QueryRowContext(ctx, `SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0)`).Scan(&rev)
	return rev, err
}
