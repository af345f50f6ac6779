package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/buurtnet/buurtnet"
)

// errUnavailable is what a caller sees when the database cannot be used
// right now; the driver's error stays in the chain for the log.
var errUnavailable = &buurtnet.Error{Code: buurtnet.EUNAVAILABLE, Message: "The database is busy or closed; try again later."}

// wrap, deferred by every exported method, names the operation err happened
// in and keeps in the chain what callers act on: the domain error, the
// context's error when the caller gave up (the driver reports that as an
// interruption, which says nothing to the caller), or UNAVAILABLE.
func (db *DB) wrap(ctx context.Context, errp *error, format string, args ...any) {
	err := *errp
	if err == nil {
		return
	}
	op := fmt.Sprintf(format, args...)
	var e *buurtnet.Error
	switch {
	case errors.As(err, &e):
		*errp = fmt.Errorf("sqlite: %s: %w", op, err)
	case ctx.Err() != nil:
		*errp = fmt.Errorf("sqlite: %s: %w", op, ctx.Err())
	case db.closed.Load() || isUnavailable(err):
		*errp = fmt.Errorf("sqlite: %s: %w: %w", op, errUnavailable, err)
	default:
		*errp = fmt.Errorf("sqlite: %s: %w", op, err)
	}
}

// isUnavailable reports the driver errors that are about the database
// rather than the request: it is locked for too long, or cannot be opened.
func isUnavailable(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_CANTOPEN:
		return true
	}
	return false
}

// uniqueViolation reports whether err is a unique or primary-key violation,
// and of which column ("nodes.enterprise_number"); SQLite names only the
// first column of a composite key.
func uniqueViolation(err error) (column string, ok bool) {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return "", false
	}
	if e.Code() != sqlite3.SQLITE_CONSTRAINT_UNIQUE && e.Code() != sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY {
		return "", false
	}
	// The message reads "... constraint failed: nodes.enterprise_number (2067)".
	msg := e.Error()
	if i := strings.LastIndex(msg, "failed: "); i >= 0 {
		msg = msg[i+len("failed: "):]
	}
	column, _, _ = strings.Cut(msg, " ")
	column, _, _ = strings.Cut(column, ",")
	return column, true
}
