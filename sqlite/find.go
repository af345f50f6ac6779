package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

// Find returns one page of the entities of filter.Kind that match, and how
// many match in all.
func (db *DB) Find(ctx context.Context, filter buurtnet.NodeFilter) (_ []buurtnet.Node, _ int, err error) {
	defer db.wrap(ctx, &err, "find %s", filter.Kind)
	if err := filter.Validate(); err != nil {
		return nil, 0, err
	}
	q, err := buildFind(filter)
	if err != nil {
		return nil, 0, err
	}

	// Page and count in one transaction, so that they agree.
	tx, err := db.read(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()

	limit := -1 // SQLite's "no limit", so that OFFSET still applies
	if filter.Limit > 0 {
		limit = filter.Limit
	}
	page := q.with() + `SELECT n.kind, n.data FROM nodes n WHERE ` + q.where() + ` ORDER BY ` + orderBy(filter) + ` LIMIT ? OFFSET ?`
	nodes, err := queryNodes(ctx, tx, page, q.params(limit, filter.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	if total, ok := pageTotal(filter, len(nodes)); ok {
		return nodes, total, nil
	}
	var total int
	if err := tx.QueryRowContext(ctx, q.with()+`SELECT COUNT(*) FROM nodes n WHERE `+q.where(), q.params()...).Scan(&total); err != nil {
		return nil, 0, err
	}
	return nodes, total, nil
}

// pageTotal tells how many entities match from a page of n that is not
// full: there are none after it. A name search that matches few entities
// then reads the names once rather than twice (the page and the count
// each test every name of the kind: 21 and 26 ms for a rare word among
// the country's 100,000 organisations). A full page, or an empty one past
// the start, says nothing of the rest: the count is asked.
func pageTotal(f buurtnet.NodeFilter, n int) (total int, ok bool) {
	if f.Limit > 0 && n >= f.Limit || n == 0 && f.Offset > 0 {
		return 0, false
	}
	return f.Offset + n, true
}

// findQuery is a WHERE clause built from fixed fragments, and the values
// bound to their placeholders, in order.
type findQuery struct {
	ctes     []string // the common table expressions of the WITH clause
	withArgs []any
	conds    []string
	args     []any
}

func (q *findQuery) add(cond string, args ...any) {
	q.conds = append(q.conds, cond)
	q.args = append(q.args, args...)
}

func (q *findQuery) where() string { return strings.Join(q.conds, " AND ") }

// with is the WITH clause, when a filter needs one.
func (q *findQuery) with() string {
	if len(q.ctes) == 0 {
		return ""
	}
	return "WITH RECURSIVE " + strings.Join(q.ctes, ", ") + " "
}

// params are the values of the whole statement: the WITH clause comes first.
func (q *findQuery) params(more ...any) []any {
	return append(append(append([]any{}, q.withArgs...), q.args...), more...)
}

// buildFind turns a validated filter into SQL: every condition the filter
// gives (buurtnet.Filters) compiled by condition.
func buildFind(f buurtnet.NodeFilter) (*findQuery, error) {
	q := &findQuery{}
	q.add(`n.kind = ?`, string(f.Kind))
	for _, c := range f.Conditions() {
		if err := q.condition(c); err != nil {
			return nil, err
		}
	}
	return q, nil
}

// condition compiles one filter path. A path with no hops is a test on the
// entity itself. One through links is "n.id IN (subquery)" rather than a
// correlated EXISTS: the subquery does not depend on n, so SQLite runs it
// once per statement instead of once per row. The subquery walks the path
// backwards, from its end (the entity given, or the entities passing the
// test) link by link along the indexes on the ends; CROSS JOIN fixes that
// order, which the planner, without statistics, tends to get wrong (it
// takes "kind = ?" for selective). A repeated hop (the territories within
// one) is a recursive table, seeded with the entity given.
func (q *findQuery) condition(c buurtnet.FilterCondition) error {
	p := c.Path
	if len(p.Hops) == 0 {
		cond, args, err := test(c, "n")
		if err != nil {
			return err
		}
		q.add(cond, args...)
		return nil
	}
	var (
		from  string // the FROM and JOIN clauses
		args  []any  // their values, in order
		where string
		wargs []any
		cur   string // the column holding the ids reached so far
		rest  = p.Hops
	)
	last := rest[len(rest)-1]
	switch {
	case p.Test == buurtnet.IsGiven && last.Repeat:
		name := fmt.Sprintf("w%d", len(q.ctes))
		near, far := ends(last)
		kinds, kargs := kindIn("l", last)
		q.ctes = append(q.ctes, name+`(id) AS (SELECT ? UNION SELECT l.`+near+` FROM `+name+` w CROSS JOIN links l ON l.`+far+` = w.id WHERE `+kinds+`)`)
		q.withArgs = append(append(q.withArgs, c.Values[0]), kargs...)
		from, cur, rest = name+` w`, `w.id`, rest[:len(rest)-1]
	case p.Test == buurtnet.IsGiven:
		near, far := ends(last)
		kinds, kargs := kindIn("l0", last)
		from, cur, rest = `links l0`, `l0.`+near, rest[:len(rest)-1]
		where, wargs = kinds+` AND l0.`+far+` = ?`, append(kargs, c.Values[0])
	default:
		cond, targs, err := test(c, "e")
		if err != nil {
			return err
		}
		from, cur = `nodes e`, `e.id`
		where, wargs = `e.kind = ? AND `+cond, append([]any{string(p.End())}, targs...)
	}
	for i := len(rest) - 1; i >= 0; i-- {
		h := rest[i]
		if h.Repeat {
			return fmt.Errorf("filter %s: a repeated hop must end the path", c.Field)
		}
		a := fmt.Sprintf("l%d", len(rest)-i)
		near, far := ends(h)
		kinds, kargs := kindIn(a, h)
		from += ` CROSS JOIN links ` + a + ` ON ` + a + `.` + far + ` = ` + cur + ` AND ` + kinds
		args = append(args, kargs...)
		cur = a + `.` + near
	}
	sub := `SELECT ` + cur + ` FROM ` + from
	if where != "" {
		sub += ` WHERE ` + where
	}
	q.add(`n.id IN (`+sub+`)`, append(args, wargs...)...)
	if p.ExcludeGiven {
		q.add(`n.id <> ?`, c.Values[0])
	}
	return nil
}

// ends names the columns of a link a hop walked backwards leaves from
// (far, towards the path's end) and arrives at (near, towards n).
func ends(h buurtnet.Hop) (near, far string) {
	if h.Way == buurtnet.Against {
		return "to_id", "from_id"
	}
	return "from_id", "to_id"
}

// kindIn is the condition that link alias a is of one of the hop's kinds.
func kindIn(a string, h buurtnet.Hop) (string, []any) {
	if len(h.Links) == 1 {
		return a + `.kind = ?`, []any{string(h.Links[0])}
	}
	return a + `.kind IN (` + placeholders(len(h.Links)) + `)`, anys(h.Links)
}

// columns are the properties kept in a column of their own, indexed;
// every other property is read from the entity's JSON.
var columns = map[string]string{"enterpriseNumber": "enterprise_number"}

// property is the expression of property p of the entity of row alias a,
// and its values.
func property(a, p string) (string, []any) {
	if col, ok := columns[p]; ok {
		return a + `.` + col, nil
	}
	return `json_extract(` + a + `.data, ?)`, []any{"$." + p}
}

// test is the condition that the entity of row alias a passes the test
// at the end of c's path.
func test(c buurtnet.FilterCondition, a string) (string, []any, error) {
	v := c.Values
	switch c.Path.Test {
	case buurtnet.IsGiven:
		return a + `.id = ?`, []any{v[0]}, nil
	case buurtnet.RunsOn:
		return activeOn(a), []any{v[0], v[0]}, nil
	case buurtnet.NameContains:
		return a + `.search LIKE ? ESCAPE '\'`, []any{"%" + escapeLike(v[0]) + "%"}, nil
	case buurtnet.HasValue:
		expr, args := property(a, c.Path.Property)
		return expr + ` = ?`, append(args, v[0]), nil
	case buurtnet.HasAnyOf:
		expr, args := property(a, c.Path.Property)
		return expr + ` IN (` + placeholders(len(v)) + `)`, append(args, anys(v)...), nil
	case buurtnet.ListsValue:
		return `EXISTS (SELECT 1 FROM json_each(` + a + `.data, ?) s WHERE s.value = ?)`, []any{"$." + c.Path.Property, v[0]}, nil
	}
	return "", nil, fmt.Errorf("filter %s: no SQL for test %d", c.Field, c.Path.Test)
}

// activeOn is the condition "the project of row alias a runs on the day
// bound to both ?". ISO days compare as strings; no start sorts before
// every day, and no end is read as the last day there is.
func activeOn(a string) string {
	return `COALESCE(json_extract(` + a + `.data, '$.period.start'), '') <= ?
		AND COALESCE(NULLIF(json_extract(` + a + `.data, '$.period.end'), ''), '9999-12-31') >= ?`
}

// orderBy is the ORDER BY clause of a filter: the column for the domain's
// SortKey (the start lives in the JSON; a project without one sorts
// first), the direction, and the id to break ties.
func orderBy(f buurtnet.NodeFilter) string {
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	col := "n." + storekit.SortKey(f)
	if storekit.SortKey(f) == "period_start" {
		col = "COALESCE(json_extract(n.data, '$.period.start'), '')"
	}
	return col + dir + ", n.id" + dir
}

// escapeLike makes s match itself in a LIKE pattern with ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
