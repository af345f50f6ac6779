package sqlite

import "database/sql"

// SQL gives the tests of package sqlite_test the connection pool, to check
// what every pooled connection is set up with.
func (db *DB) SQL() *sql.DB { return db.db }
