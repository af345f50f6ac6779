package neo4j

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

// relType returns the relationship type of a link kind, ok false for a kind
// that is not one of buurtnet.LinkKinds. Relationship types cannot be query
// parameters: a type in a statement is always one of that fixed list, never
// the caller's string.
func relType(k buurtnet.LinkKind) (string, bool) {
	for _, known := range buurtnet.LinkKinds {
		if k == known {
			return string(known), true
		}
	}
	return "", false
}

// mustRelType is relType for kinds already validated.
func mustRelType(k buurtnet.LinkKind) string {
	t, ok := relType(k)
	if !ok {
		panic(fmt.Sprintf("neo4j: %q is not a kind of link", k))
	}
	return t
}

// relTypes returns "A|B|C" for a relationship pattern of validated kinds.
func relTypes(kinds []buurtnet.LinkKind) string {
	types := make([]string, 0, len(kinds))
	for _, k := range kinds {
		if t := mustRelType(k); !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	return strings.Join(types, "|")
}

// symmetricKinds are the link kinds stored once for both directions.
var symmetricKinds = func() []string {
	var out []string
	for _, k := range buurtnet.LinkKinds {
		if k.Symmetric() {
			out = append(out, string(k))
		}
	}
	return out
}()

// Links returns the links matching q, ordered by kind, from, to, in one
// query whatever the number of ids.
func (db *DB) Links(ctx context.Context, q buurtnet.LinkQuery) (_ []*buurtnet.Link, err error) {
	defer db.wrap(&err, "links")
	kinds := buurtnet.LinkKinds
	if len(q.Kinds) > 0 {
		for _, k := range q.Kinds {
			if _, ok := relType(k); !ok {
				return nil, buurtnet.FieldError(buurtnet.EINVALID, "kinds", "%q is not a kind of link (one of %v)", k, buurtnet.LinkKinds)
			}
		}
		kinds = q.Kinds
	}
	rel := `[r:` + relTypes(kinds) + `]`
	params := map[string]any{"from": storekit.Distinct(q.From), "to": storekit.Distinct(q.To), "symmetric": symmetricKinds}
	symmetric := slices.ContainsFunc(kinds, buurtnet.LinkKind.Symmetric)
	var cypher string
	switch {
	case len(q.From) == 0 && len(q.To) == 0:
		cypher = `MATCH (a:Node)-` + rel + `->(b:Node) RETURN ` + linkColumns
	case len(q.To) == 0 && !symmetric:
		// The links of a page's entities, one way round: the walk from
		// each id is the answer, nothing to filter or deduplicate.
		cypher = `MATCH (x:Node) WHERE x.id IN $from MATCH (x)-` + rel + `->(:Node) RETURN ` + linkColumns
	case len(q.From) == 0 && !symmetric:
		cypher = `MATCH (x:Node) WHERE x.id IN $to MATCH (x)<-` + rel + `-(:Node) RETURN ` + linkColumns
	default:
		// Every link that matches has an end among From (or, without From,
		// among To): start there, either way round, then keep the links
		// that match forwards, or backwards when symmetric (stored From <
		// To, a symmetric link matches either way round).
		anchor := "$from"
		if len(q.From) == 0 {
			anchor = "$to"
		}
		cypher = `MATCH (x:Node) WHERE x.id IN ` + anchor + `
			MATCH (x)-` + rel + `-(:Node)
			WITH DISTINCT r
			WITH r, startNode(r) AS a, endNode(r) AS b
			WHERE ((size($from) = 0 OR a.id IN $from) AND (size($to) = 0 OR b.id IN $to))
			   OR (type(r) IN $symmetric AND (size($from) = 0 OR b.id IN $from) AND (size($to) = 0 OR a.id IN $to))
			RETURN ` + linkColumns
	}
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) ([]*buurtnet.Link, error) {
		links, err := queryLinks(ctx, tx, cypher, params)
		if err != nil {
			return nil, err
		}
		sortLinks(links)
		return links, nil
	})
}

// sortLinks puts links in the order of the SQLite store: by kind, from, to,
// comparing bytes.
func sortLinks(ls []*buurtnet.Link) {
	slices.SortFunc(ls, func(a, b *buurtnet.Link) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
}

// TerritoryGraph returns how all territories nest and overlap.
func (db *DB) TerritoryGraph(ctx context.Context) (_ *buurtnet.TerritoryGraph, err error) {
	defer db.wrap(&err, "territory graph")
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) (*buurtnet.TerritoryGraph, error) {
		return territoryGraph(ctx, tx)
	})
}

// territoryGraph builds the graph from the keys alone, all PART_OF and
// OVERLAPS links in one query: it needs no other property, not even the
// ends' ids (the key holds them), and there may be tens of thousands of
// these links.
func territoryGraph(ctx context.Context, tx neo4j.ManagedTransaction) (*buurtnet.TerritoryGraph, error) {
	rows, err := collectRows(ctx, tx, `MATCH (:Node)-[r:`+relTypes(buurtnet.NestingLinkKinds)+`]->(:Node) RETURN type(r) AS kind, r.key AS key`, nil, "kind", "key")
	if err != nil {
		return nil, err
	}
	links := make([]*buurtnet.Link, len(rows))
	all := make([]buurtnet.Link, len(rows))
	for i, row := range rows {
		kind, _ := row[0].(string)
		key, _ := row[1].(string)
		from, to, ok := strings.Cut(key, " ")
		if !ok {
			return nil, fmt.Errorf("territory graph: %s key %q is not \"from to\"", kind, key)
		}
		all[i].LinkKey = buurtnet.LinkKey{Kind: buurtnet.LinkKind(kind), From: from, To: to}
		links[i] = &all[i]
	}
	return buurtnet.NewTerritoryGraph(links), nil
}

// CreateLink stores a new link between two existing entities.
func (db *DB) CreateLink(ctx context.Context, l *buurtnet.Link) (err error) {
	if l == nil {
		return buurtnet.Errorf(buurtnet.EINVALID, "no link given")
	}
	defer db.wrap(&err, "create link %s", l.LinkKey.String())
	if err := l.Validate(); err != nil {
		return err
	}
	now := db.now()
	_, err = writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		if err := checkEnds(ctx, tx, l.LinkKey); err != nil {
			return struct{}{}, err
		}
		if err := checkSingle(ctx, tx, l.LinkKey); err != nil {
			return struct{}{}, err
		}
		if l.Kind.Nests() {
			if err := lockNesting(ctx, tx, now); err != nil {
				return struct{}{}, err
			}
			g, err := territoryGraph(ctx, tx)
			if err != nil {
				return struct{}{}, err
			}
			if err := g.CheckNesting(l.LinkKey, "to"); err != nil {
				return struct{}{}, err
			}
		}
		if _, found, err := findLink(ctx, tx, l.LinkKey); err != nil {
			return struct{}{}, err
		} else if found {
			return struct{}{}, duplicate(l.LinkKey)
		}
		l.Stamp = storekit.NewStamp(now) // the store's, whatever l carried
		if err := createLinks(ctx, tx, l.Kind, []map[string]any{linkRow(l.LinkKey, linkProps(l))}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, writeAudit(ctx, tx, auditEntry(ctx, buurtnet.AuditLink, l.LinkKey.String(), now))
	})
	return err
}

// checkSingle refuses a second link of a kind an entity has one of.
func checkSingle(ctx context.Context, tx neo4j.ManagedTransaction, k buurtnet.LinkKey) error {
	if !k.Kind.Single() {
		return nil
	}
	recs, err := collect(ctx, tx, `MATCH (:Node {id: $from})-[:`+mustRelType(k.Kind)+`]->(t:Node) RETURN t.id AS id LIMIT 1`, map[string]any{"from": k.From})
	if err != nil {
		return fmt.Errorf("look up the %s link of %s: %w", k.Kind, k.From, err)
	}
	var other string
	if len(recs) > 0 {
		if other, err = value[string](recs[0], "id"); err != nil {
			return err
		}
	}
	return buurtnet.CheckSingle(k, other, "to")
}

// UpdateLink changes a link's properties.
func (db *DB) UpdateLink(ctx context.Context, key buurtnet.LinkKey, u buurtnet.LinkUpdate) (_ *buurtnet.Link, err error) {
	key = key.Normalized()
	defer db.wrap(&err, "update link %s", key.String())
	if _, ok := relType(key.Kind); !ok {
		return nil, linkNotFound(key) // no link of an unknown kind is stored
	}
	now := db.now()
	return writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (*buurtnet.Link, error) {
		l, found, err := findLink(ctx, tx, key)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, linkNotFound(key)
		}
		stamp := l.Stamp
		if err := u.Apply(l); err != nil {
			return nil, err
		}
		l.Stamp = stamp.Next(now)
		if err := updateLinks(ctx, tx, l.Kind, []map[string]any{linkRow(l.LinkKey, linkProps(l))}); err != nil {
			return nil, err
		}
		if err := writeAudit(ctx, tx, auditEntry(ctx, buurtnet.AuditUpdateLink, key.String(), now)); err != nil {
			return nil, err
		}
		return l, nil
	})
}

// DeleteLink removes a link.
func (db *DB) DeleteLink(ctx context.Context, key buurtnet.LinkKey) (err error) {
	key = key.Normalized()
	defer db.wrap(&err, "delete link %s", key.String())
	rel, ok := relType(key.Kind)
	if !ok {
		return linkNotFound(key)
	}
	now := db.now()
	_, err = writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := collect(ctx, tx, `MATCH (:Node {id: $from})-[r:`+rel+`]->(:Node {id: $to}) DELETE r RETURN count(*) AS n`,
			map[string]any{"from": key.From, "to": key.To})
		if err != nil {
			return struct{}{}, err
		}
		if deleted, err := value[int64](recs[0], "n"); err != nil {
			return struct{}{}, err
		} else if deleted == 0 {
			return struct{}{}, linkNotFound(key)
		}
		return struct{}{}, writeAudit(ctx, tx, auditEntry(ctx, buurtnet.AuditUnlink, key.String(), now))
	})
	return err
}

func linkNotFound(k buurtnet.LinkKey) error {
	return buurtnet.Errorf(buurtnet.ENOTFOUND, "there is no %s link from %q to %q", k.Kind, k.From, k.To)
}

func duplicate(k buurtnet.LinkKey) error {
	return buurtnet.FieldError(buurtnet.ECONFLICT, "to", "there is already a %s link from %s to %s", k.Kind, k.From, k.To)
}

// lockNesting takes the write lock of the nesting (territories, programmes)
// for the rest of the transaction. Writers of PART_OF and PART_OF_PROGRAMME
// links take it before they read the nesting for the check, so that two
// transactions cannot each add half of a cycle, or each a programme.
func lockNesting(ctx context.Context, tx neo4j.ManagedTransaction, now time.Time) error {
	return exec(ctx, tx, `MERGE (l:Lock {name: 'nesting'}) SET l.at = $now`, map[string]any{"now": formatTime(now)})
}

// checkEnds checks that both ends of a link exist and are of the kinds the
// link connects.
func checkEnds(ctx context.Context, tx neo4j.ManagedTransaction, k buurtnet.LinkKey) error {
	recs, err := collect(ctx, tx, `MATCH (n:Node) WHERE n.id IN $ids RETURN n.id AS id, n.kind AS kind`,
		map[string]any{"ids": []string{k.From, k.To}})
	if err != nil {
		return err
	}
	kinds := map[string]buurtnet.Kind{}
	for _, rec := range recs {
		id, err := value[string](rec, "id")
		if err != nil {
			return err
		}
		kind, err := value[string](rec, "kind")
		if err != nil {
			return err
		}
		kinds[id] = buurtnet.Kind(kind)
	}
	return storekit.CheckLinkEnds(k, kinds)
}

// findLink loads one link; found is false when there is none.
func findLink(ctx context.Context, tx neo4j.ManagedTransaction, k buurtnet.LinkKey) (_ *buurtnet.Link, found bool, _ error) {
	links, err := queryLinks(ctx, tx, `MATCH (:Node {id: $from})-[r:`+mustRelType(k.Kind)+`]->(:Node {id: $to}) RETURN `+linkColumns,
		map[string]any{"from": k.From, "to": k.To})
	if err != nil || len(links) == 0 {
		return nil, false, err
	}
	return links[0], true, nil
}

// linkProps returns the properties of a link's relationship: every field of
// the link is a property of its own, and the relationship is the only copy
// of it (linkOf reads it back). key is the ends, "from to" (ids hold no
// space), which a uniqueness constraint per type keeps to one link of a
// kind between two entities. An open end of a period, and any field not
// given, is left out: a property cannot hold null.
func linkProps(l *buurtnet.Link) map[string]any {
	props := map[string]any{
		"key":        l.From + " " + l.To,
		"created_at": formatTime(l.CreatedAt),
		"updated_at": formatTime(l.UpdatedAt),
	}
	set := func(key, v string) {
		if v != "" {
			props[key] = v
		}
	}
	if l.Version != 0 {
		props["version"] = int64(l.Version)
	}
	set("role", string(l.Role))
	set("level", string(l.Level))
	set("coverage", string(l.Coverage))
	set("period_start", l.Period.Start.String())
	set("period_end", l.Period.End.String())
	if l.Amount != nil {
		props["amount"] = l.Amount.Euro()
	}
	if len(l.TerritoryRoles) > 0 {
		roles := make([]string, len(l.TerritoryRoles))
		for i, r := range l.TerritoryRoles {
			roles[i] = string(r)
		}
		props["territory_roles"] = roles
	}
	set("note", l.Note)
	set("source", l.Source)
	return props
}

// linkColumns returns a relationship r as the two columns linkOf reads.
const linkColumns = `type(r) AS kind, properties(r) AS props`

// linkOf reads a link back from its relationship's type and properties.
func linkOf(kind string, props map[string]any) (*buurtnet.Link, error) {
	str := func(key string) string { s, _ := props[key].(string); return s }
	from, to, ok := strings.Cut(str("key"), " ")
	if !ok {
		return nil, fmt.Errorf("decode %s link: key %q is not \"from to\"", kind, str("key"))
	}
	l := &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkKind(kind), From: from, To: to},
		Role: buurtnet.Role(str("role")), Level: buurtnet.StakeholderLevel(str("level")),
		Coverage: buurtnet.Coverage(str("coverage")), Note: str("note"), Source: str("source")}
	var err error
	day := func(key string) buurtnet.Date {
		var d buurtnet.Date
		if s := str(key); s != "" && err == nil {
			if d, err = buurtnet.ParseDate(s); err != nil {
				err = fmt.Errorf("decode %s link %s %s: %w", kind, from, to, err)
			}
		}
		return d
	}
	at := func(key string) time.Time {
		var t time.Time
		if err == nil {
			if t, err = time.Parse(timeFormat, str(key)); err != nil {
				err = fmt.Errorf("decode %s link %s %s: %w", kind, from, to, err)
			}
		}
		return t
	}
	l.Period = buurtnet.Period{Start: day("period_start"), End: day("period_end")}
	l.CreatedAt, l.UpdatedAt = at("created_at"), at("updated_at")
	if v, ok := props["version"].(int64); ok {
		l.Version = int(v)
	}
	if roles, ok := props["territory_roles"].([]any); ok {
		for _, r := range roles {
			s, _ := r.(string)
			l.TerritoryRoles = append(l.TerritoryRoles, buurtnet.TerritoryRole(s))
		}
	}
	switch v := props["amount"].(type) {
	case float64:
		m := buurtnet.Money(math.Round(v * 100)) // cents, exact for any amount Money allows
		l.Amount = &m
	case int64:
		m := buurtnet.Money(v * 100)
		l.Amount = &m
	}
	return l, err
}

// linkRow is one row of createLinks or updateLinks.
func linkRow(k buurtnet.LinkKey, props map[string]any) map[string]any {
	return map[string]any{"from": k.From, "to": k.To, "props": props}
}

// batch bounds the rows sent in one UNWIND.
const batch = 5000

// createLinks creates links of one kind, a batch of rows per statement, and
// checks that each found both its ends.
func createLinks(ctx context.Context, tx neo4j.ManagedTransaction, kind buurtnet.LinkKind, rows []map[string]any) error {
	for part := range chunks(rows, batch) {
		sent := sendRows(part, "props", "from", "to")
		cypher := `UNWIND $rows AS row
			MATCH (a:Node {id: row[0]})
			MATCH (b:Node {id: row[1]})
			CREATE (a)-[:` + mustRelType(kind) + ` ` + sent.props + `]->(b)`
		s, err := execSummary(ctx, tx, cypher, sent.params)
		if err != nil {
			return err
		}
		if got := s.Counters().RelationshipsCreated(); got != len(part) {
			return fmt.Errorf("created %d of %d %s links: an end is missing", got, len(part), kind)
		}
	}
	return nil
}

// updateLinks replaces the properties of links of one kind.
func updateLinks(ctx context.Context, tx neo4j.ManagedTransaction, kind buurtnet.LinkKind, rows []map[string]any) error {
	cypher := `UNWIND $rows AS row
		MATCH (:Node {id: row.from})-[r:` + mustRelType(kind) + `]->(:Node {id: row.to})
		SET r = row.props`
	return writeRows(ctx, tx, cypher, rows, nil)
}

// writeRows runs a statement over $rows, a batch at a time, checking each
// batch's summary when check is given.
func writeRows(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, rows []map[string]any, check func(neo4j.ResultSummary, int) error) error {
	for len(rows) > 0 {
		part := rows[:min(batch, len(rows))]
		rows = rows[len(part):]
		summary, err := execSummary(ctx, tx, cypher, map[string]any{"rows": part})
		if err != nil {
			return err
		}
		if check != nil {
			if err := check(summary, len(part)); err != nil {
				return err
			}
		}
	}
	return nil
}

// queryLinks runs a query returning linkColumns, and reads the links.
func queryLinks(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*buurtnet.Link, error) {
	rows, err := collectRows(ctx, tx, cypher, params, "kind", "props")
	if err != nil {
		return nil, err
	}
	return linksOf(rows)
}

// linksOf reads links from rows of kind and props (linkColumns).
func linksOf(rows [][]any) ([]*buurtnet.Link, error) {
	var out []*buurtnet.Link // nil when none, as with the SQLite store
	for _, row := range rows {
		l, err := linkOfRow(row[0], row[1])
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// linkOfRow is linkOf on a row's kind and props columns.
func linkOfRow(kind, props any) (*buurtnet.Link, error) {
	k, okKind := kind.(string)
	p, okProps := props.(map[string]any)
	if !okKind || !okProps {
		return nil, fmt.Errorf("read a link: kind %T and props %T, want a string and a map", kind, props)
	}
	return linkOf(k, p)
}

// decodeLink reads a link stored as JSON, as the store wrote relationships
// up to schema version 4 (the migration reads them).
func decodeLink(data string) (*buurtnet.Link, error) {
	var l buurtnet.Link
	if err := json.Unmarshal([]byte(data), &l); err != nil {
		return nil, fmt.Errorf("decode link: %w", err)
	}
	return &l, nil
}
