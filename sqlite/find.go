package sqlite

import (
	"context"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// Find returns one page of the entities of filter.Kind that match, and how
// many match in all.
func (db *DB) Find(ctx context.Context, filter buurtnet.NodeFilter) (_ []buurtnet.Node, _ int, err error) {
	defer db.wrap(ctx, &err, "find %s", filter.Kind)
	if err := filter.Validate(); err != nil {
		return nil, 0, err
	}
	q := buildFind(filter)

	// Count and page in one transaction, so that they agree.
	tx, err := db.read(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()

	var total int
	if err := tx.QueryRowContext(ctx, q.with+`SELECT COUNT(*) FROM nodes n WHERE `+q.where(), q.params()...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := -1 // SQLite's "no limit", so that OFFSET still applies
	if filter.Limit > 0 {
		limit = filter.Limit
	}
	page := q.with + `SELECT n.kind, n.data FROM nodes n WHERE ` + q.where() + ` ORDER BY ` + orderBy(filter) + ` LIMIT ? OFFSET ?`
	nodes, err := queryNodes(ctx, tx, page, q.params(limit, filter.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	return nodes, total, nil
}

// findQuery is a WHERE clause built from fixed fragments, and the values
// bound to their placeholders, in order.
type findQuery struct {
	with     string // WITH clause, when the filter needs one
	withArgs []any
	conds    []string
	args     []any
}

func (q *findQuery) add(cond string, args ...any) {
	q.conds = append(q.conds, cond)
	q.args = append(q.args, args...)
}

func (q *findQuery) where() string { return strings.Join(q.conds, " AND ") }

// params are the values of the whole statement: the WITH clause comes first.
func (q *findQuery) params(more ...any) []any {
	return append(append(append([]any{}, q.withArgs...), q.args...), more...)
}

// withinCTE is the territory given and every territory (transitively) part
// of it; its one ? is the territory. CROSS JOIN keeps the planner from
// scanning every PART_OF link for each territory found: it walks from the
// territories found down the index on to_id.
const withinCTE = `WITH RECURSIVE within(id) AS (
		SELECT ?
		UNION
		SELECT l.from_id FROM within w CROSS JOIN links l ON l.to_id = w.id WHERE l.kind = 'PART_OF'
	) `

// activeOn is the condition "the project of row alias a runs on the day
// bound to both ?". ISO days compare as strings; no start sorts before
// every day, and no end is read as the last day there is.
func activeOn(a string) string {
	return `COALESCE(json_extract(` + a + `.data, '$.period.start'), '') <= ?
		AND COALESCE(NULLIF(json_extract(` + a + `.data, '$.period.end'), ''), '9999-12-31') >= ?`
}

// tagLinks maps each vocabulary to the link that tags a project with it.
var tagLinks = map[buurtnet.Kind]buurtnet.LinkKind{
	buurtnet.KindTheme:       buurtnet.LinkAddresses,
	buurtnet.KindTargetGroup: buurtnet.LinkTargets,
	buurtnet.KindFunction:    buurtnet.LinkWorksOn,
}

// buildFind turns a validated filter into SQL, field by field, for the
// kinds each field applies to (NodeFilter.Validate refused the others).
//
// The filters through links are "n.id IN (subquery)" rather than a
// correlated EXISTS: the subquery does not depend on n, so SQLite runs it
// once per statement instead of once per row. Each subquery walks from the
// entity given, link by link, along the indexes on the ends; CROSS JOIN
// fixes that order, which the planner, without statistics, tends to get
// wrong (it takes "kind = ?" for selective).
func buildFind(f buurtnet.NodeFilter) *findQuery {
	k := f.Kind
	q := &findQuery{}
	q.add(`n.kind = ?`, string(k))

	if f.Territory != "" {
		q.with, q.withArgs = withinCTE, []any{f.Territory}
		switch k {
		case buurtnet.KindProject:
			q.add(`n.id IN (SELECT a.from_id FROM within w CROSS JOIN links a ON a.to_id = w.id AND a.kind = 'ACTIVE_IN')`)
		case buurtnet.KindOrganisation:
			q.add(`n.id IN (SELECT t.from_id FROM within w CROSS JOIN links t ON t.to_id = w.id AND t.kind IN ('LOCATED_IN', 'SERVES'))`)
		case buurtnet.KindTerritory:
			q.add(`n.id IN (SELECT id FROM within) AND n.id <> ?`, f.Territory)
		case buurtnet.KindFunder:
			q.add(`n.id IN (SELECT f.from_id FROM within w
				CROSS JOIN links a ON a.to_id = w.id AND a.kind = 'ACTIVE_IN'
				CROSS JOIN links f ON f.to_id = a.from_id AND f.kind = 'FUNDS')`)
		}
	}

	if s := strings.TrimSpace(buurtnet.Fold(f.Search)); s != "" {
		q.add(`n.search LIKE ? ESCAPE '\'`, "%"+escapeLike(s)+"%")
	}

	for _, tag := range []struct {
		id   string
		kind buurtnet.Kind
	}{{f.Theme, buurtnet.KindTheme}, {f.TargetGroup, buurtnet.KindTargetGroup}, {f.Function, buurtnet.KindFunction}} {
		if tag.id == "" {
			continue
		}
		link := tagLinks[tag.kind]
		switch k {
		case buurtnet.KindProject:
			q.add(`n.id IN (SELECT t.from_id FROM links t WHERE t.kind = ? AND t.to_id = ?)`, link, tag.id)
		case buurtnet.KindOrganisation:
			q.add(`n.id IN (SELECT p.from_id FROM links t CROSS JOIN links p ON p.to_id = t.from_id AND p.kind = 'PARTICIPATES_IN'
				WHERE t.kind = ? AND t.to_id = ?)`, link, tag.id)
		case buurtnet.KindFunder:
			q.add(`n.id IN (SELECT f.from_id FROM links t CROSS JOIN links f ON f.to_id = t.from_id AND f.kind = 'FUNDS'
				WHERE t.kind = ? AND t.to_id = ?)`, link, tag.id)
		}
	}

	if f.Funder != "" {
		switch k {
		case buurtnet.KindProject:
			q.add(`n.id IN (SELECT f.to_id FROM links f WHERE f.kind = 'FUNDS' AND f.from_id = ?)`, f.Funder)
		case buurtnet.KindOrganisation:
			q.add(`n.id IN (SELECT p.from_id FROM links f CROSS JOIN links p ON p.to_id = f.to_id AND p.kind = 'PARTICIPATES_IN'
				WHERE f.kind = 'FUNDS' AND f.from_id = ?)`, f.Funder)
		}
	}

	if f.Organisation != "" {
		switch k {
		case buurtnet.KindProject:
			q.add(`n.id IN (SELECT p.to_id FROM links p WHERE p.kind = 'PARTICIPATES_IN' AND p.from_id = ?)`, f.Organisation)
		case buurtnet.KindFunder:
			q.add(`n.id IN (SELECT f.from_id FROM links p CROSS JOIN links f ON f.to_id = p.to_id AND f.kind = 'FUNDS'
				WHERE p.kind = 'PARTICIPATES_IN' AND p.from_id = ?)`, f.Organisation)
		}
	}

	if f.Project != "" {
		switch k {
		case buurtnet.KindOrganisation:
			q.add(`n.id IN (SELECT l.from_id FROM links l WHERE l.kind = 'PARTICIPATES_IN' AND l.to_id = ?)`, f.Project)
		case buurtnet.KindFunder:
			q.add(`n.id IN (SELECT l.from_id FROM links l WHERE l.kind = 'FUNDS' AND l.to_id = ?)`, f.Project)
		case buurtnet.KindTerritory:
			q.add(`n.id IN (SELECT l.to_id FROM links l WHERE l.kind = 'ACTIVE_IN' AND l.from_id = ?)`, f.Project)
		default: // a theme, target group or function
			q.add(`n.id IN (SELECT l.to_id FROM links l WHERE l.kind = ? AND l.from_id = ?)`, tagLinks[k], f.Project)
		}
	}

	if len(f.Status) > 0 {
		q.add(`json_extract(n.data, '$.status') IN (`+placeholders(len(f.Status))+`)`, anys(f.Status)...)
	}

	if !f.ActiveOn.IsZero() {
		day := f.ActiveOn.String()
		switch k {
		case buurtnet.KindProject:
			q.add(activeOn("n"), day, day)
		case buurtnet.KindOrganisation:
			q.add(`n.id IN (SELECT p.from_id FROM nodes pr CROSS JOIN links p ON p.to_id = pr.id AND p.kind = 'PARTICIPATES_IN'
				WHERE pr.kind = 'project' AND `+activeOn("pr")+`)`, day, day)
		}
	}

	if f.LanguageCommunity != "" {
		q.add(`json_extract(n.data, '$.languageCommunity') = ?`, f.LanguageCommunity)
	}
	if f.Sector != "" {
		q.add(`EXISTS (SELECT 1 FROM json_each(n.data, '$.sectors') s WHERE s.value = ?)`, f.Sector)
	}
	if f.TerritoryKind != "" {
		q.add(`json_extract(n.data, '$.kind') = ?`, f.TerritoryKind)
	}
	if f.Level != "" {
		q.add(`json_extract(n.data, '$.level') = ?`, f.Level)
	}
	if f.Framework != "" {
		q.add(`json_extract(n.data, '$.framework') = ?`, f.Framework)
	}
	if f.EnterpriseNumber != "" {
		q.add(`n.enterprise_number = ?`, f.EnterpriseNumber) // Validate made it canonical
	}
	return q
}

// orderBy is the ORDER BY clause of a filter: the column for the domain's
// SortKey (the start lives in the JSON; a project without one sorts
// first), the direction, and the id to break ties.
func orderBy(f buurtnet.NodeFilter) string {
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	col := "n." + f.SortKey()
	if f.SortKey() == "period_start" {
		col = "COALESCE(json_extract(n.data, '$.period.start'), '')"
	}
	return col + dir + ", n.id" + dir
}

// escapeLike makes s match itself in a LIKE pattern with ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
