package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

// chunk bounds the ids bound to one IN (…) list, well under SQLite's limit
// on the number of parameters of a statement.
const chunk = 500

// Nodes returns the entities with the given ids; unknown ids are left out.
func (db *DB) Nodes(ctx context.Context, ids []string) (_ []buurtnet.Node, err error) {
	defer db.wrap(ctx, &err, "nodes")
	if len(ids) == 0 {
		return nil, nil
	}
	tx, err := db.read(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return loadNodes(ctx, tx, ids)
}

// CreateNode stores a new entity, setting its timestamps.
func (db *DB) CreateNode(ctx context.Context, n buurtnet.Node) (err error) {
	if n == nil {
		return buurtnet.Errorf(buurtnet.EINVALID, "no entity given")
	}
	defer db.wrap(ctx, &err, "create node %s", n.NodeID())
	if err := n.Validate(); err != nil {
		return err
	}
	now := db.now()
	tx, err := db.write(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	buurtnet.SetStamp(n, storekit.NewStamp(now)) // the store's, whatever n carried
	if err := insertNode(ctx, tx, n); err != nil {
		return err
	}
	if err := audit(ctx, tx, buurtnet.AuditCreate, n.NodeID(), now); err != nil {
		return err
	}
	return tx.Commit()
}

// UpdateNode loads the entity, lets change modify it and stores it.
func (db *DB) UpdateNode(ctx context.Context, id string, change func(buurtnet.Node) error) (_ buurtnet.Node, err error) {
	defer db.wrap(ctx, &err, "update node %s", id)
	now := db.now()
	tx, err := db.write(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	n, err := findNode(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := storekit.ApplyChange(n, change, now); err != nil {
		return nil, err
	}
	if err := updateNode(ctx, tx, n); err != nil {
		return nil, err
	}
	if err := audit(ctx, tx, buurtnet.AuditUpdate, id, now); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return n, nil
}

// DeleteNode removes an entity; the foreign keys remove its links with it.
func (db *DB) DeleteNode(ctx context.Context, id string) (err error) {
	defer db.wrap(ctx, &err, "delete node %s", id)
	tx, err := db.write(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	res, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return notFound(id)
	}
	if err := audit(ctx, tx, buurtnet.AuditDelete, id, db.now()); err != nil {
		return err
	}
	return tx.Commit()
}

func notFound(id string) error {
	return buurtnet.FieldError(buurtnet.ENOTFOUND, "id", "there is no entity with id %q", id)
}

// findNode loads one entity, ENOTFOUND when there is none.
func findNode(ctx context.Context, tx *sql.Tx, id string) (buurtnet.Node, error) {
	var kind, data string
	err := tx.QueryRowContext(ctx, `SELECT kind, data FROM nodes WHERE id = ?`, id).Scan(&kind, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound(id)
	} else if err != nil {
		return nil, err
	}
	return decodeNode(kind, data)
}

// loadNodes loads the entities with the given ids, a chunk of ids per query.
func loadNodes(ctx context.Context, tx *sql.Tx, ids []string) ([]buurtnet.Node, error) {
	ids = storekit.Distinct(ids)
	var out []buurtnet.Node
	for len(ids) > 0 {
		part := ids[:min(chunk, len(ids))]
		ids = ids[len(part):]
		nodes, err := queryNodes(ctx, tx, `SELECT kind, data FROM nodes WHERE id IN (`+placeholders(len(part))+`)`, anys(part)...)
		if err != nil {
			return nil, err
		}
		out = append(out, nodes...)
	}
	return out, nil
}

// queryNodes runs a query selecting kind and data, and decodes the rows.
func queryNodes(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]buurtnet.Node, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []buurtnet.Node
	for rows.Next() {
		var kind, data string
		if err := rows.Scan(&kind, &data); err != nil {
			return nil, err
		}
		n, err := decodeNode(kind, data)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func insertNode(ctx context.Context, tx *sql.Tx, n buurtnet.Node) error {
	cols, err := nodeColumns(n)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO nodes (id, kind, sort_nl, sort_fr, sort_en, search, enterprise_number, data, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, cols...)
	return nodeConflict(ctx, tx, n, err)
}

func updateNode(ctx context.Context, tx *sql.Tx, n buurtnet.Node) error {
	cols, err := nodeColumns(n)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `
		UPDATE nodes SET kind = ?, sort_nl = ?, sort_fr = ?, sort_en = ?, search = ?, enterprise_number = ?, data = ?, created_at = ?, updated_at = ?
		WHERE id = ?`, append(cols[1:], cols[0])...)
	return nodeConflict(ctx, tx, n, err)
}

// nodeColumns returns the values of a node's row, in the order of the
// columns of the nodes table.
func nodeColumns(n buurtnet.Node) ([]any, error) {
	data, err := json.Marshal(n)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", n.NodeID(), err)
	}
	names := n.Names()
	var acronym string
	var enterprise any // NULL, not "", so that UNIQUE ignores the many without a number
	switch v := n.(type) {
	case *buurtnet.Organisation:
		acronym = v.Acronym
		if v.EnterpriseNumber != "" {
			enterprise = v.EnterpriseNumber
		}
	case *buurtnet.Funder:
		acronym = v.Acronym
	}
	s := buurtnet.Timestamps(n)
	return []any{
		n.NodeID(), string(n.NodeKind()),
		buurtnet.Fold(names.In(buurtnet.NL)), buurtnet.Fold(names.In(buurtnet.FR)), buurtnet.Fold(names.In(buurtnet.EN)),
		names.SearchKey(acronym), enterprise, string(data),
		formatTime(s.CreatedAt), formatTime(s.UpdatedAt),
	}, nil
}

// nodeConflict turns a unique violation into the CONFLICT a person can act
// on: which id, or which organisation already has the enterprise number.
func nodeConflict(ctx context.Context, tx *sql.Tx, n buurtnet.Node, err error) error {
	column, ok := uniqueViolation(err)
	if !ok {
		return err
	}
	switch column {
	case "nodes.id":
		return buurtnet.FieldError(buurtnet.ECONFLICT, "id", "there is already an entity with id %q", n.NodeID())
	case "nodes.enterprise_number":
		o := n.(*buurtnet.Organisation)
		var id, data string
		// A failed statement does not end the transaction; it can still answer.
		if qerr := tx.QueryRowContext(ctx, `SELECT id, data FROM nodes WHERE enterprise_number = ?`, o.EnterpriseNumber).Scan(&id, &data); qerr != nil {
			return buurtnet.FieldError(buurtnet.ECONFLICT, "enterpriseNumber", "another organisation already has enterprise number %s", o.EnterpriseNumber)
		}
		name := id
		if other, derr := decodeNode(string(buurtnet.KindOrganisation), data); derr == nil {
			name = fmt.Sprintf("%s (%s)", other.Names().In(buurtnet.NL), id)
		}
		return buurtnet.FieldError(buurtnet.ECONFLICT, "enterpriseNumber", "enterprise number %s is already that of %s", o.EnterpriseNumber, name)
	}
	return buurtnet.Errorf(buurtnet.ECONFLICT, "%s is already taken", column)
}

// decodeNode reads a node's data into the struct of its kind.
func decodeNode(kind, data string) (buurtnet.Node, error) {
	return storekit.DecodeNode(buurtnet.Kind(kind), []byte(data))
}

// placeholders returns "?, ?, …" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
