package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

// inList is the condition "column is one of the strings in a JSON array
// bound to ?". One parameter, however long the list: link queries take the
// ids of a whole page or a whole territory.
func inList(column string) string {
	return column + " IN (SELECT value FROM json_each(?))"
}

// jsonList encodes values for inList.
func jsonList[T ~string](xs []T) string {
	b, _ := json.Marshal(xs) // strings always encode
	return string(b)
}

// symmetricKinds are the link kinds stored once for both directions.
var symmetricKinds = func() []buurtnet.LinkKind {
	var out []buurtnet.LinkKind
	for _, k := range buurtnet.LinkKinds {
		if k.Symmetric() {
			out = append(out, k)
		}
	}
	return out
}()

// Links returns the links matching q, ordered by kind, from, to.
func (db *DB) Links(ctx context.Context, q buurtnet.LinkQuery) (_ []*buurtnet.Link, err error) {
	defer db.wrap(ctx, &err, "links")
	for _, k := range q.Kinds {
		if from, _ := k.Endpoints(); from == "" {
			return nil, buurtnet.FieldError(buurtnet.EINVALID, "kinds", "%q is not a kind of link (one of %v)", k, buurtnet.LinkKinds)
		}
	}
	query, args := linksQuery(q)
	tx, err := db.read(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return queryLinks(ctx, tx, query, args...)
}

// linksQuery builds the statement of Links. Given ends, it walks from them:
// each list drives the index on its column (CROSS JOIN fixes that order),
// so a page's relations cost a lookup per id, not a scan of every link of
// the kind. A symmetric link is stored From < To, so it is also looked for
// the other way round; UNION drops what both halves find.
func linksQuery(q buurtnet.LinkQuery) (string, []any) {
	var kindCond string
	var kindArgs []any
	if len(q.Kinds) > 0 {
		kindCond, kindArgs = " AND "+inList("l.kind"), []any{jsonList(q.Kinds)}
	}
	if len(q.From) == 0 && len(q.To) == 0 {
		query := `SELECT ` + linkColumns + ` FROM links l`
		if kindCond != "" {
			query += ` WHERE ` + strings.TrimPrefix(kindCond, " AND ")
		}
		return query + ` ORDER BY kind, from_id, to_id`, kindArgs
	}
	// half walks from the ids of drive along column on, keeping the links
	// whose other column is in other (when given).
	half := func(drive []string, on string, other []string, otherCol string, extra string, extraArgs []any) (string, []any) {
		sql := `SELECT l.kind, l.from_id, l.to_id, l.data, l.created_at, l.updated_at FROM json_each(?) j CROSS JOIN links l ON l.` + on + ` = j.value WHERE 1` + kindCond + extra
		args := append([]any{jsonList(drive)}, kindArgs...)
		args = append(args, extraArgs...)
		if len(other) > 0 {
			sql += ` AND ` + inList("l."+otherCol)
			args = append(args, jsonList(other))
		}
		return sql, args
	}
	drive, on, other, otherCol := q.From, "from_id", q.To, "to_id"
	if len(q.From) == 0 {
		drive, on, other, otherCol = q.To, "to_id", nil, ""
	}
	forward, args := half(drive, on, other, otherCol, "", nil)
	// The other way round: ends swapped, symmetric kinds only.
	rOn, rOtherCol := "to_id", "from_id"
	if on == "to_id" {
		rOn, rOtherCol = "from_id", "to_id"
	}
	backward, bargs := half(drive, rOn, other, rOtherCol, " AND "+inList("l.kind"), []any{jsonList(symmetricKinds)})
	query := `SELECT ` + linkColumns + ` FROM (` + forward + ` UNION ` + backward + `) ORDER BY kind, from_id, to_id`
	return query, append(args, bargs...)
}

// TerritoryGraph returns how all territories nest and overlap.
func (db *DB) TerritoryGraph(ctx context.Context) (_ *buurtnet.TerritoryGraph, err error) {
	defer db.wrap(ctx, &err, "territory graph")
	tx, err := db.read(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return territoryGraph(ctx, tx)
}

// CreateLink stores a new link between two existing entities.
func (db *DB) CreateLink(ctx context.Context, l *buurtnet.Link) (err error) {
	if l == nil {
		return buurtnet.Errorf(buurtnet.EINVALID, "no link given")
	}
	defer db.wrap(ctx, &err, "create link %s", l.LinkKey.String())
	if err := l.Validate(); err != nil {
		return err
	}
	now := db.now()
	tx, err := db.write(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	if err := checkEnds(ctx, tx, l.LinkKey); err != nil {
		return err
	}
	if err := checkSingle(ctx, tx, l.LinkKey); err != nil {
		return err
	}
	if l.Kind.Nests() {
		g, err := territoryGraph(ctx, tx)
		if err != nil {
			return err
		}
		if err := g.CheckNesting(l.LinkKey, "to"); err != nil {
			return err
		}
	}
	l.Stamp = storekit.NewStamp(now) // the store's, whatever l carried
	if err := insertLink(ctx, tx, l); err != nil {
		return err
	}
	if err := audit(ctx, tx, buurtnet.AuditLink, l.LinkKey.String(), now); err != nil {
		return err
	}
	return tx.Commit()
}

// UpdateLink changes a link's properties.
func (db *DB) UpdateLink(ctx context.Context, key buurtnet.LinkKey, u buurtnet.LinkUpdate) (_ *buurtnet.Link, err error) {
	key = key.Normalized()
	defer db.wrap(ctx, &err, "update link %s", key.String())
	now := db.now()
	tx, err := db.write(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	l, err := findLink(ctx, tx, key)
	if err != nil {
		return nil, err
	}
	stamp := l.Stamp
	if err := u.Apply(l); err != nil {
		return nil, err
	}
	l.Stamp = stamp.Next(now)
	if err := updateLink(ctx, tx, l); err != nil {
		return nil, err
	}
	if err := audit(ctx, tx, buurtnet.AuditUpdateLink, key.String(), now); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return l, nil
}

// DeleteLink removes a link.
func (db *DB) DeleteLink(ctx context.Context, key buurtnet.LinkKey) (err error) {
	key = key.Normalized()
	defer db.wrap(ctx, &err, "delete link %s", key.String())
	tx, err := db.write(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	res, err := tx.ExecContext(ctx, `DELETE FROM links WHERE kind = ? AND from_id = ? AND to_id = ?`, key.Kind, key.From, key.To)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return linkNotFound(key)
	}
	if err := audit(ctx, tx, buurtnet.AuditUnlink, key.String(), db.now()); err != nil {
		return err
	}
	return tx.Commit()
}

// keyString is how a link is named in reports and messages.

func linkNotFound(k buurtnet.LinkKey) error {
	return buurtnet.Errorf(buurtnet.ENOTFOUND, "there is no %s link from %q to %q", k.Kind, k.From, k.To)
}

// checkEnds checks that both ends of a link exist and are of the kinds the
// link connects.
// checkSingle refuses a second link of a kind an entity has one of.
func checkSingle(ctx context.Context, tx *sql.Tx, k buurtnet.LinkKey) error {
	if !k.Kind.Single() {
		return nil
	}
	var other string
	err := tx.QueryRowContext(ctx, `SELECT to_id FROM links WHERE kind = ? AND from_id = ? LIMIT 1`, k.Kind, k.From).Scan(&other)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("look up the %s link of %s: %w", k.Kind, k.From, err)
	}
	return buurtnet.CheckSingle(k, other, "to")
}

func checkEnds(ctx context.Context, tx *sql.Tx, k buurtnet.LinkKey) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, kind FROM nodes WHERE id IN (?, ?)`, k.From, k.To)
	if err != nil {
		return err
	}
	defer rows.Close()
	kinds := map[string]buurtnet.Kind{}
	for rows.Next() {
		var id, kind string
		if err := rows.Scan(&id, &kind); err != nil {
			return err
		}
		kinds[id] = buurtnet.Kind(kind)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return storekit.CheckLinkEnds(k, kinds)
}

func findLink(ctx context.Context, tx *sql.Tx, k buurtnet.LinkKey) (*buurtnet.Link, error) {
	links, err := queryLinks(ctx, tx, `SELECT `+linkColumns+` FROM links WHERE kind = ? AND from_id = ? AND to_id = ?`, k.Kind, k.From, k.To)
	if err != nil {
		return nil, err
	}
	if len(links) == 0 {
		return nil, linkNotFound(k)
	}
	return links[0], nil
}

func insertLink(ctx context.Context, tx *sql.Tx, l *buurtnet.Link) error {
	data, err := encodeLink(l)
	if err != nil {
		return fmt.Errorf("encode %s: %w", l.LinkKey.String(), err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO links (kind, from_id, to_id, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
		l.Kind, l.From, l.To, string(data), formatTime(l.CreatedAt), formatTime(l.UpdatedAt))
	if _, ok := uniqueViolation(err); ok {
		return buurtnet.FieldError(buurtnet.ECONFLICT, "to", "there is already a %s link from %s to %s", l.Kind, l.From, l.To)
	}
	return err
}

func updateLink(ctx context.Context, tx *sql.Tx, l *buurtnet.Link) error {
	data, err := encodeLink(l)
	if err != nil {
		return fmt.Errorf("encode %s: %w", l.LinkKey.String(), err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE links SET data = ?, created_at = ?, updated_at = ? WHERE kind = ? AND from_id = ? AND to_id = ?`,
		string(data), formatTime(l.CreatedAt), formatTime(l.UpdatedAt), l.Kind, l.From, l.To)
	return err
}

// A link's row holds its key and times in columns of their own, and the
// rest of it as JSON in data: encodeLink leaves out what the columns hold
// (a region's links then take half the space), and decodeLink puts the
// columns back, so rows written before, whose data holds everything, read
// the same.
const linkColumns = `kind, from_id, to_id, data, created_at, updated_at`

// encodeLink returns the data of l's row.
func encodeLink(l *buurtnet.Link) ([]byte, error) {
	rest := *l
	rest.LinkKey, rest.CreatedAt, rest.UpdatedAt = buurtnet.LinkKey{}, time.Time{}, time.Time{}
	data, err := json.Marshal(&rest)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", l.LinkKey.String(), err)
	}
	return data, nil
}

// decodeLink reads a link from the linkColumns of its row.
func decodeLink(key buurtnet.LinkKey, data []byte, createdAt, updatedAt string) (*buurtnet.Link, error) {
	var l buurtnet.Link
	if err := json.Unmarshal(data, &l); err != nil {
		return nil, fmt.Errorf("decode link %s: %w", key.String(), err)
	}
	l.LinkKey = key
	var err error
	if l.CreatedAt, err = time.Parse(timeFormat, createdAt); err != nil {
		return nil, fmt.Errorf("decode link %s: %w", key.String(), err)
	}
	if l.UpdatedAt, err = time.Parse(timeFormat, updatedAt); err != nil {
		return nil, fmt.Errorf("decode link %s: %w", key.String(), err)
	}
	return &l, nil
}

// queryLinks runs a query selecting linkColumns, and decodes the rows.
func queryLinks(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]*buurtnet.Link, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*buurtnet.Link
	for rows.Next() {
		var key buurtnet.LinkKey
		var data sql.RawBytes
		var createdAt, updatedAt string
		if err := rows.Scan(&key.Kind, &key.From, &key.To, &data, &createdAt, &updatedAt); err != nil {
			return nil, err
		}
		l, err := decodeLink(key, data, createdAt, updatedAt)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// territoryGraph builds the graph from the keys alone: it needs no
// properties, and there may be tens of thousands of these links.
func territoryGraph(ctx context.Context, tx *sql.Tx) (*buurtnet.TerritoryGraph, error) {
	rows, err := tx.QueryContext(ctx, `SELECT kind, from_id, to_id FROM links WHERE `+inList("kind"), jsonList(buurtnet.NestingLinkKinds))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var links []*buurtnet.Link
	for rows.Next() {
		var l buurtnet.Link
		if err := rows.Scan(&l.Kind, &l.From, &l.To); err != nil {
			return nil, err
		}
		links = append(links, &l)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return buurtnet.NewTerritoryGraph(links), nil
}
