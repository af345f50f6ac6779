package neo4j

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

var _ buurtnet.AccessStore = (*DB)(nil)

// The audit log is (:AuditEntry) nodes, numbered in the order they are
// written by the (:Counter {name: 'audit'}) node; the tokens are (:Token
// {id, name, role, hash, created_at, revoked_at}) nodes. Neither is a
// :Node, so neither is part of the graph.
//
// One change of one entity or link is (:AuditEntry {id, at, actor, action,
// subject}). The entries of one import share at, actor and action: they
// are one (:AuditEntry {id, at, actor, action, subjects}) node, entry id +
// i being subjects[i]. A node per entry would double what an import writes
// (and the memory its transaction holds in the server): a region has
// 170,000 of them.

// auditEntry is one entry to write, for the change made in ctx at now.
func auditEntry(ctx context.Context, action, subject string, now time.Time) map[string]any {
	e := storekit.AuditEntry(ctx, action, subject, now)
	return map[string]any{"at": formatTime(e.At), "actor": e.Actor, "action": e.Action, "subject": e.Subject}
}

// writeAudit appends entries to the audit log in tx, the transaction of the
// change they record, numbered in order, a node per run of entries that
// share at, actor and action. The counter's lock makes the numbers follow
// the order in which the changes commit.
func writeAudit(ctx context.Context, tx neo4j.ManagedTransaction, entries ...map[string]any) error {
	var groups []auditGroup
	for i := 0; i < len(entries); {
		e := entries[i]
		j := i + 1
		for j < len(entries) && entries[j]["at"] == e["at"] && entries[j]["actor"] == e["actor"] && entries[j]["action"] == e["action"] {
			j++
		}
		g := auditGroup{at: e["at"].(string), actor: e["actor"].(string), action: e["action"].(string)}
		for _, x := range entries[i:j] {
			g.subjects = append(g.subjects, x["subject"].(string))
		}
		groups = append(groups, g)
		i = j
	}
	return writeAuditGroups(ctx, tx, groups...)
}

// auditGroup is a run of audit entries that share at, actor and action.
type auditGroup struct {
	at, actor, action string
	subjects          []string
}

// importAudit is the audit group of an import's subjects, written at now.
func importAudit(ctx context.Context, subjects []string, now time.Time) auditGroup {
	e := storekit.AuditEntry(ctx, buurtnet.AuditImport, "", now)
	return auditGroup{at: formatTime(e.At), actor: e.Actor, action: e.Action, subjects: subjects}
}

// writeAuditGroups writes groups as writeAudit does its entries.
func writeAuditGroups(ctx context.Context, tx neo4j.ManagedTransaction, groups ...auditGroup) error {
	var rows []map[string]any
	n := 0
	for _, g := range groups {
		if len(g.subjects) == 0 {
			continue
		}
		props := map[string]any{"at": g.at, "actor": g.actor, "action": g.action}
		if len(g.subjects) == 1 {
			props["subject"] = g.subjects[0]
		} else {
			props["subjects"] = g.subjects
		}
		rows = append(rows, map[string]any{"offset": n, "props": props})
		n += len(g.subjects)
	}
	if n == 0 {
		return nil
	}
	return exec(ctx, tx, `
		MERGE (c:Counter {name: 'audit'})
		ON CREATE SET c.value = 0
		SET c.value = c.value + $n
		WITH c.value - $n AS base
		UNWIND $groups AS g
		CREATE (e:AuditEntry) SET e = g.props, e.id = base + g.offset + 1`,
		map[string]any{"n": n, "groups": rows})
}

// AuditLog returns audit entries, newest first.
func (db *DB) AuditLog(ctx context.Context, f buurtnet.AuditFilter) (_ []*buurtnet.AuditEntry, err error) {
	defer db.wrap(&err, "audit log")
	if f.Limit <= 0 {
		f.Limit = 100
	}
	since := ""
	if !f.Since.IsZero() {
		since = formatTime(f.Since)
	}
	params := map[string]any{"subject": f.Subject, "actor": f.Actor, "since": since, "limit": f.Limit}
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) ([]*buurtnet.AuditEntry, error) {
		// An import's node holds its entries oldest first: unwind them
		// backwards, keeping those of the subject asked for.
		recs, err := collect(ctx, tx, `
			MATCH (e:AuditEntry)
			WHERE ($actor = '' OR e.actor = $actor) AND ($since = '' OR e.at >= $since)
			  AND ($subject = '' OR e.subject = $subject OR $subject IN e.subjects)
			WITH e ORDER BY e.id DESC
			UNWIND CASE WHEN e.subjects IS NULL THEN [[0, e.subject]]
				ELSE [i IN range(size(e.subjects) - 1, 0, -1) WHERE $subject = '' OR e.subjects[i] = $subject | [i, e.subjects[i]]]
				END AS x
			RETURN e.id + x[0] AS id, e.at AS at, e.actor AS actor, e.action AS action, x[1] AS subject
			LIMIT $limit`, params)
		if err != nil {
			return nil, err
		}
		var out []*buurtnet.AuditEntry // nil when none, as with the SQLite store
		for _, rec := range recs {
			var e buurtnet.AuditEntry
			var at string
			if e.ID, err = value[int64](rec, "id"); err != nil {
				return nil, err
			}
			if at, err = value[string](rec, "at"); err != nil {
				return nil, err
			}
			if e.At, err = time.Parse(timeFormat, at); err != nil {
				return nil, err
			}
			if e.Actor, err = value[string](rec, "actor"); err != nil {
				return nil, err
			}
			if e.Action, err = value[string](rec, "action"); err != nil {
				return nil, err
			}
			if e.Subject, err = value[string](rec, "subject"); err != nil {
				return nil, err
			}
			out = append(out, &e)
		}
		return out, nil
	})
}

// CreateToken stores a new token (its hash, never its secret).
func (db *DB) CreateToken(ctx context.Context, t *buurtnet.Token) (err error) {
	if t == nil {
		return buurtnet.Errorf(buurtnet.EINVALID, "no token given")
	}
	defer db.wrap(&err, "create token %s", t.Name)
	now := db.now()
	t.CreatedAt, t.RevokedAt = now, nil
	_, err = writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := collect(ctx, tx, `MATCH (t:Token {id: $id}) RETURN count(t) AS n`, map[string]any{"id": t.ID})
		if err != nil {
			return struct{}{}, err
		}
		if taken, err := value[int64](recs[0], "n"); err != nil {
			return struct{}{}, err
		} else if taken > 0 {
			return struct{}{}, buurtnet.FieldError(buurtnet.ECONFLICT, "id", "there is already a token with id %q", t.ID)
		}
		if err := exec(ctx, tx, `CREATE (:Token {id: $id, name: $name, role: $role, hash: $hash, created_at: $created})`,
			map[string]any{"id": t.ID, "name": t.Name, "role": string(t.Role), "hash": t.Hash, "created": formatTime(now)}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, writeAudit(ctx, tx, auditEntry(ctx, buurtnet.AuditCreate, t.ID, now))
	})
	return err
}

// RevokeToken revokes a token for good. ENOTFOUND for an unknown or already
// revoked one.
func (db *DB) RevokeToken(ctx context.Context, id string) (err error) {
	defer db.wrap(&err, "revoke token %s", id)
	now := db.now()
	_, err = writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := collect(ctx, tx, `
			MATCH (t:Token {id: $id}) WHERE t.revoked_at IS NULL
			SET t.revoked_at = $now
			RETURN count(t) AS n`, map[string]any{"id": id, "now": formatTime(now)})
		if err != nil {
			return struct{}{}, err
		}
		if revoked, err := value[int64](recs[0], "n"); err != nil {
			return struct{}{}, err
		} else if revoked == 0 {
			return struct{}{}, buurtnet.FieldError(buurtnet.ENOTFOUND, "id", "no active token with id %q", id)
		}
		return struct{}{}, writeAudit(ctx, tx, auditEntry(ctx, buurtnet.AuditDelete, id, now))
	})
	return err
}

// tokenColumns are the columns readToken reads.
const tokenColumns = `t.id AS id, t.name AS name, t.role AS role, t.hash AS hash, t.created_at AS created, t.revoked_at AS revoked`

// TokenByHash finds the active token with this hash. ENOTFOUND when there
// is none, or it was revoked.
func (db *DB) TokenByHash(ctx context.Context, hash string) (_ *buurtnet.Token, err error) {
	defer db.wrap(&err, "find token")
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) (*buurtnet.Token, error) {
		recs, err := collect(ctx, tx, `MATCH (t:Token {hash: $hash}) WHERE t.revoked_at IS NULL RETURN `+tokenColumns, map[string]any{"hash": hash})
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, buurtnet.Errorf(buurtnet.ENOTFOUND, "no such token")
		}
		return readToken(recs[0])
	})
}

// Tokens lists every token, revoked ones too, oldest first.
func (db *DB) Tokens(ctx context.Context) (_ []*buurtnet.Token, err error) {
	defer db.wrap(&err, "list tokens")
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) ([]*buurtnet.Token, error) {
		recs, err := collect(ctx, tx, `MATCH (t:Token) RETURN `+tokenColumns+` ORDER BY t.created_at, t.id`, nil)
		if err != nil {
			return nil, err
		}
		var out []*buurtnet.Token // nil when none, as with the SQLite store
		for _, rec := range recs {
			t, err := readToken(rec)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		}
		return out, nil
	})
}

func readToken(rec *neo4j.Record) (*buurtnet.Token, error) {
	var t buurtnet.Token
	var err error
	if t.ID, err = value[string](rec, "id"); err != nil {
		return nil, err
	}
	if t.Name, err = value[string](rec, "name"); err != nil {
		return nil, err
	}
	role, err := value[string](rec, "role")
	if err != nil {
		return nil, err
	}
	t.Role = buurtnet.AccessRole(role)
	if t.Hash, err = value[string](rec, "hash"); err != nil {
		return nil, err
	}
	created, err := value[string](rec, "created")
	if err != nil {
		return nil, err
	}
	if t.CreatedAt, err = time.Parse(timeFormat, created); err != nil {
		return nil, fmt.Errorf("token %s: %w", t.ID, err)
	}
	revoked, err := value[string](rec, "revoked") // "" when null
	if err != nil {
		return nil, err
	}
	if revoked != "" {
		at, err := time.Parse(timeFormat, revoked)
		if err != nil {
			return nil, fmt.Errorf("token %s: %w", t.ID, err)
		}
		t.RevokedAt = &at
	}
	return &t, nil
}
