package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

// audit records a change in the transaction that makes it.
func audit(ctx context.Context, tx *sql.Tx, action, subject string, now time.Time) error {
	e := storekit.AuditEntry(ctx, action, subject, now)
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, subject) VALUES (?, ?, ?, ?)`,
		formatTime(e.At), e.Actor, e.Action, e.Subject)
	return err
}

// AuditLog returns audit entries, newest first.
func (db *DB) AuditLog(ctx context.Context, f buurtnet.AuditFilter) (_ []*buurtnet.AuditEntry, err error) {
	defer db.wrap(ctx, &err, "audit log")
	if f.Limit <= 0 {
		f.Limit = 100
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id, at, actor, action, subject FROM audit_log
		WHERE (? = '' OR subject = ?) AND (? = '' OR actor = ?) AND (? = '' OR at >= ?)
		ORDER BY id DESC LIMIT ?`,
		f.Subject, f.Subject, f.Actor, f.Actor, sinceString(f.Since), sinceString(f.Since), f.Limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*buurtnet.AuditEntry
	for rows.Next() {
		var e buurtnet.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Subject); err != nil {
			return nil, err
		}
		if e.At, err = time.Parse(timeFormat, at); err != nil {
			return nil, err
		}
		out = append(out, &e)
	}
	return out, rows.Err()
}

func sinceString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTime(t)
}

// CreateToken stores a new token (its hash, never its secret).
func (db *DB) CreateToken(ctx context.Context, t *buurtnet.Token) (err error) {
	defer db.wrap(ctx, &err, "create token %s", t.Name)
	now := db.now()
	tx, err := db.write(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	t.CreatedAt, t.RevokedAt = now, nil
	if _, err := tx.ExecContext(ctx, `INSERT INTO tokens (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)`,
		t.ID, t.Name, t.Role, t.Hash, formatTime(now)); err != nil {
		return err
	}
	if err := audit(ctx, tx, buurtnet.AuditCreate, t.ID, now); err != nil {
		return err
	}
	return tx.Commit()
}

// RevokeToken revokes a token for good. ENOTFOUND for an unknown or already
// revoked one.
func (db *DB) RevokeToken(ctx context.Context, id string) (err error) {
	defer db.wrap(ctx, &err, "revoke token %s", id)
	now := db.now()
	tx, err := db.write(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, formatTime(now), id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return buurtnet.FieldError(buurtnet.ENOTFOUND, "id", "no active token with id %q", id)
	}
	if err := audit(ctx, tx, buurtnet.AuditDelete, id, now); err != nil {
		return err
	}
	return tx.Commit()
}

// TokenByHash finds the active token with this hash. ENOTFOUND when there
// is none, or it was revoked.
func (db *DB) TokenByHash(ctx context.Context, hash string) (_ *buurtnet.Token, err error) {
	defer db.wrap(ctx, &err, "find token")
	row := db.db.QueryRowContext(ctx, `SELECT id, name, role, hash, created_at, revoked_at FROM tokens WHERE hash = ? AND revoked_at IS NULL`, hash)
	t, err := scanToken(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, buurtnet.Errorf(buurtnet.ENOTFOUND, "no such token")
	}
	return t, err
}

// Tokens lists every token, revoked ones too, oldest first.
func (db *DB) Tokens(ctx context.Context) (_ []*buurtnet.Token, err error) {
	defer db.wrap(ctx, &err, "list tokens")
	rows, err := db.db.QueryContext(ctx, `SELECT id, name, role, hash, created_at, revoked_at FROM tokens ORDER BY created_at, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*buurtnet.Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func scanToken(row interface{ Scan(...any) error }) (*buurtnet.Token, error) {
	var t buurtnet.Token
	var created string
	var revoked sql.NullString
	if err := row.Scan(&t.ID, &t.Name, &t.Role, &t.Hash, &created, &revoked); err != nil {
		return nil, err
	}
	var err error
	if t.CreatedAt, err = time.Parse(timeFormat, created); err != nil {
		return nil, err
	}
	if revoked.Valid {
		at, err := time.Parse(timeFormat, revoked.String)
		if err != nil {
			return nil, err
		}
		t.RevokedAt = &at
	}
	return &t, nil
}
