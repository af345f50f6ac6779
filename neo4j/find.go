package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/buurtnet/buurtnet"
)

// Find returns one page of the entities of filter.Kind that match, and how
// many match in all. Every field of the filter means what it means for the
// SQLite store (sqlite/find.go); only the query language differs.
func (db *DB) Find(ctx context.Context, filter buurtnet.NodeFilter) (_ []buurtnet.Node, _ int, err error) {
	defer db.wrap(&err, "find %s", filter.Kind)
	if err := filter.Validate(); err != nil {
		return nil, 0, err
	}
	q := buildFind(filter)
	params := with(q.params, "offset", filter.Offset)
	var cypher string
	if len(q.sets) == 0 {
		// Filters on the node alone: the count (from the count store when
		// nothing is filtered) and the page (a top-k sort, or an index
		// scan in order) each read only what they need.
		page := ` SKIP $offset`
		if filter.Limit > 0 {
			page += ` LIMIT $limit`
			params["limit"] = filter.Limit
		}
		cypher = `
			CALL () { ` + q.match() + ` RETURN count(n) AS total }
			CALL () { ` + q.match() + ` WITH n ORDER BY ` + orderBy(filter) + page + `
				RETURN collect([n.kind, n.data]) AS page }
			RETURN total, page`
	} else {
		// Filters through links: the sets are computed once, and the
		// matches, a part of the graph around the entities given, counted
		// and sliced in the same statement, so that they agree and the
		// sets are not computed twice ($offset and $end are parameters
		// like every value).
		page := `matches[$offset..]`
		if filter.Limit > 0 {
			page = `matches[$offset..$end]`
			params["end"] = filter.Offset + filter.Limit
		}
		cypher = q.match() + `
			WITH n ORDER BY ` + orderBy(filter) + `
			WITH collect(n) AS matches
			RETURN size(matches) AS total, [n IN ` + page + ` | [n.kind, n.data]] AS page`
	}
	type result struct {
		nodes []buurtnet.Node
		total int
	}
	r, err := readTx(ctx, db, func(tx neo4j.ManagedTransaction) (result, error) {
		recs, err := collect(ctx, tx, cypher, params)
		if err != nil {
			return result{}, err
		}
		total, err := value[int64](recs[0], "total")
		if err != nil {
			return result{}, err
		}
		page, err := value[[]any](recs[0], "page")
		if err != nil {
			return result{}, err
		}
		var nodes []buurtnet.Node // nil when none, as with the SQLite store
		for _, row := range page {
			kv, _ := row.([]any)
			if len(kv) != 2 {
				return result{}, fmt.Errorf("find: unexpected row %v", row)
			}
			kind, _ := kv[0].(string)
			data, _ := kv[1].(string)
			n, err := decodeNode(kind, data)
			if err != nil {
				return result{}, err
			}
			nodes = append(nodes, n)
		}
		return result{nodes, int(total)}, nil
	})
	if err != nil {
		return nil, 0, err
	}
	return r.nodes, r.total, nil
}

// findQuery is a MATCH … WHERE built from fixed fragments, and the values
// bound to their parameters.
//
// The filters through links are computed first, each once per statement,
// as the list of the entities that pass (a set): "n IN set" rather than an
// EXISTS subquery, which the planner runs again for every candidate n
// (SQLite's store makes the same choice). Each set walks from the entity
// given, along the index on id, link by link. The candidates are then the
// first set, or without one every entity of the kind.
type findQuery struct {
	label  string
	sets   []string // CALL subqueries, each returning one list of nodes
	conds  []string
	params map[string]any
}

// set adds a filter through links: match is MATCH clauses binding x, the
// entities that pass.
func (q *findQuery) set(match string, params ...any) {
	name := fmt.Sprintf("set%d", len(q.sets))
	q.sets = append(q.sets, `CALL () { `+match+` RETURN collect(DISTINCT x) AS `+name+` } `)
	if len(q.sets) > 1 {
		q.add(`n IN `+name, params...)
	} else {
		q.add(`n:`+q.label, params...)
	}
}

func (q *findQuery) add(cond string, params ...any) {
	q.conds = append(q.conds, cond)
	for i := 0; i+1 < len(params); i += 2 {
		q.params[params[i].(string)] = params[i+1]
	}
}

func (q *findQuery) match() string {
	var s string
	if len(q.sets) > 0 {
		s = strings.Join(q.sets, "") + `UNWIND set0 AS n WITH *`
	} else {
		s = `MATCH (n:` + q.label + `)`
	}
	if len(q.conds) > 0 {
		s += ` WHERE ` + strings.Join(q.conds, ` AND `)
	}
	return s
}

// with returns a copy of params with one more value.
func with(params map[string]any, key string, v any) map[string]any {
	out := make(map[string]any, len(params)+2)
	for k, x := range params {
		out[k] = x
	}
	out[key] = v
	return out
}

// Fragments shared by the filters.
const (
	// within matches w, the territory given and every territory
	// (transitively) part of it, each once.
	within = `MATCH (w:Territory)-[:PART_OF*0..]->(:Node:Territory {id: $territory}) WITH DISTINCT w `
	// projectActiveOn is "the project runs on $day" for the project %s:
	// period ends are stored as "" when open, ISO days compare as strings.
	projectActiveOn = `(%s.period_start = '' OR %s.period_start <= $day) AND (%s.period_end = '' OR %s.period_end >= $day)`
)

// activeOn returns projectActiveOn for the project variable a.
func activeOn(a string) string { return strings.ReplaceAll(projectActiveOn, "%s", a) }

// tagLinks maps the vocabulary filters to the relationship type that tags a
// project.
var tagLinks = map[buurtnet.Kind]string{
	buurtnet.KindTheme:       "ADDRESSES",
	buurtnet.KindTargetGroup: "TARGETS",
	buurtnet.KindFunction:    "WORKS_ON",
}

// buildFind turns a validated filter into Cypher, field by field, for the
// kinds each field applies to (NodeFilter.Validate refused the others).
// Labels and relationship types come from fixed tables; every value is a
// parameter.
func buildFind(f buurtnet.NodeFilter) *findQuery {
	k := f.Kind
	q := &findQuery{label: label(k), params: map[string]any{}}

	if f.Territory != "" {
		switch k {
		case buurtnet.KindProject:
			q.set(within+`MATCH (x)-[:ACTIVE_IN]->(w)`, "territory", f.Territory)
		case buurtnet.KindOrganisation:
			q.set(within+`MATCH (x)-[:LOCATED_IN|SERVES]->(w)`, "territory", f.Territory)
		case buurtnet.KindTerritory:
			q.set(within+`WITH w AS x`, "territory", f.Territory)
			q.add(`n.id <> $territory`)
		case buurtnet.KindFunder:
			q.set(within+`MATCH (x)-[:FUNDS]->(:Node)-[:ACTIVE_IN]->(w)`, "territory", f.Territory)
		}
	}

	for _, tag := range []struct {
		id, param string
		kind      buurtnet.Kind
	}{{f.Theme, "theme", buurtnet.KindTheme}, {f.TargetGroup, "targetGroup", buurtnet.KindTargetGroup}, {f.Function, "function", buurtnet.KindFunction}} {
		if tag.id == "" {
			continue
		}
		rel := tagLinks[tag.kind]
		end := `(:Node {id: $` + tag.param + `})`
		switch k {
		case buurtnet.KindProject:
			q.set(`MATCH (x)-[:`+rel+`]->`+end, tag.param, tag.id)
		case buurtnet.KindOrganisation:
			q.set(`MATCH (x)-[:PARTICIPATES_IN]->(:Node)-[:`+rel+`]->`+end, tag.param, tag.id)
		case buurtnet.KindFunder:
			q.set(`MATCH (x)-[:FUNDS]->(:Node)-[:`+rel+`]->`+end, tag.param, tag.id)
		}
	}

	if f.Funder != "" {
		switch k {
		case buurtnet.KindProject:
			q.set(`MATCH (:Node {id: $funder})-[:FUNDS]->(x)`, "funder", f.Funder)
		case buurtnet.KindOrganisation:
			q.set(`MATCH (:Node {id: $funder})-[:FUNDS]->(:Node)<-[:PARTICIPATES_IN]-(x)`, "funder", f.Funder)
		}
	}

	if f.Organisation != "" {
		switch k {
		case buurtnet.KindProject:
			q.set(`MATCH (:Node {id: $organisation})-[:PARTICIPATES_IN]->(x)`, "organisation", f.Organisation)
		case buurtnet.KindFunder:
			q.set(`MATCH (:Node {id: $organisation})-[:PARTICIPATES_IN]->(:Node)<-[:FUNDS]-(x)`, "organisation", f.Organisation)
		}
	}

	if f.Project != "" {
		switch k {
		case buurtnet.KindOrganisation:
			q.set(`MATCH (x)-[:PARTICIPATES_IN]->(:Node {id: $project})`, "project", f.Project)
		case buurtnet.KindFunder:
			q.set(`MATCH (x)-[:FUNDS]->(:Node {id: $project})`, "project", f.Project)
		case buurtnet.KindTerritory:
			q.set(`MATCH (:Node {id: $project})-[:ACTIVE_IN]->(x)`, "project", f.Project)
		case buurtnet.KindTheme, buurtnet.KindTargetGroup, buurtnet.KindFunction:
			q.set(`MATCH (:Node {id: $project})-[:`+tagLinks[k]+`]->(x)`, "project", f.Project)
		}
	}

	if len(f.Status) > 0 {
		status := make([]string, len(f.Status))
		for i, s := range f.Status {
			status[i] = string(s)
		}
		q.add(`n.status IN $status`, "status", status)
	}

	if !f.ActiveOn.IsZero() {
		day := f.ActiveOn.String()
		switch k {
		case buurtnet.KindProject:
			q.add(activeOn("n"), "day", day)
		case buurtnet.KindOrganisation:
			q.set(`MATCH (x)-[:PARTICIPATES_IN]->(p:Project) WHERE `+activeOn("p"), "day", day)
		}
	}

	if s := strings.TrimSpace(buurtnet.Fold(f.Search)); s != "" {
		q.add(`n.search CONTAINS $search`, "search", s)
	}
	if f.LanguageCommunity != "" {
		q.add(`n.language_community = $languageCommunity`, "languageCommunity", string(f.LanguageCommunity))
	}
	if f.Sector != "" {
		q.add(`$sector IN n.sectors`, "sector", string(f.Sector))
	}
	if f.TerritoryKind != "" {
		q.add(`n.territory_kind = $territoryKind`, "territoryKind", string(f.TerritoryKind))
	}
	if f.Level != "" {
		q.add(`n.level = $level`, "level", string(f.Level))
	}
	if f.Framework != "" {
		q.add(`n.framework = $framework`, "framework", string(f.Framework))
	}
	if f.EnterpriseNumber != "" {
		q.add(`n.enterprise_number = $enterpriseNumber`, "enterpriseNumber", f.EnterpriseNumber) // Validate made it canonical
	}
	return q
}

// orderBy is the ORDER BY clause of a filter: the property the domain
// names (SortKey), the direction, and the id to break ties. A project
// without a start has period_start "", which sorts first.
func orderBy(f buurtnet.NodeFilter) string {
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	return "n." + f.SortKey() + dir + ", n.id" + dir
}
