package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
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

// auditGroup records entries of one action with the same time and actor,
// one per subject in order, as one row (see migration 0004): their ids are
// the row's id and those after it, which AUTOINCREMENT will not hand out
// again.
func auditGroup(ctx context.Context, tx *sql.Tx, action string, subjects []string, now time.Time) error {
	switch len(subjects) {
	case 0:
		return nil
	case 1:
		return audit(ctx, tx, action, subjects[0], now)
	}
	e := storekit.AuditEntry(ctx, action, "", now)
	list, err := json.Marshal(subjects)
	if err != nil {
		return fmt.Errorf("audit group: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, subject, subjects) VALUES (?, ?, ?, '', ?)`,
		formatTime(e.At), e.Actor, e.Action, string(list)); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE sqlite_sequence SET seq = seq + ? WHERE name = 'audit_log'`, len(subjects)-1)
	return err
}

// AuditLog returns audit entries, newest first. A filter on the subject
// reads that subject's rows through their index and the groups that name
// it; a group's entries are listed newest first too.
func (db *DB) AuditLog(ctx context.Context, f buurtnet.AuditFilter) (_ []*buurtnet.AuditEntry, err error) {
	defer db.wrap(ctx, &err, "audit log")
	if f.Limit <= 0 {
		f.Limit = 100
	}
	where, args := "1", []any{}
	if f.Actor != "" {
		where, args = where+" AND actor = ?", append(args, f.Actor)
	}
	if !f.Since.IsZero() {
		where, args = where+" AND at >= ?", append(args, formatTime(f.Since))
	}
	query := `SELECT id, at, actor, action, subject, subjects FROM audit_log WHERE ` + where + ` ORDER BY id DESC`
	if f.Subject != "" {
		query = `SELECT id, at, actor, action, subject, subjects FROM audit_log WHERE ` + where + ` AND subjects IS NULL AND subject = ?
			UNION ALL
			SELECT id, at, actor, action, subject, subjects FROM audit_log WHERE ` + where + ` AND subjects IS NOT NULL AND instr(subjects, ?) > 0
			ORDER BY id DESC`
		quoted, _ := json.Marshal(f.Subject)
		args = append(append(append(args, f.Subject), args...), string(quoted))
	}
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*buurtnet.AuditEntry
	for len(out) < f.Limit && rows.Next() {
		var e buurtnet.AuditEntry
		var at string
		var subjects sql.NullString
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Subject, &subjects); err != nil {
			return nil, err
		}
		if e.At, err = time.Parse(timeFormat, at); err != nil {
			return nil, err
		}
		if !subjects.Valid {
			out = append(out, &e)
			continue
		}
		var list []string
		if err := json.Unmarshal([]byte(subjects.String), &list); err != nil {
			return nil, fmt.Errorf("audit entry %d: %w", e.ID, err)
		}
		for i := len(list) - 1; i >= 0 && len(out) < f.Limit; i-- {
			if f.Subject == "" || list[i] == f.Subject {
				one := e
				one.ID, one.Subject = e.ID+int64(i), list[i]
				out = append(out, &one)
			}
		}
	}
	return out, rows.Err()
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
