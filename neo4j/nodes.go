package neo4j

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

// labels are the node labels of the entity kinds. Labels cannot be query
// parameters: a label in a statement always comes from this fixed table.
var labels = map[buurtnet.Kind]string{
	buurtnet.KindOrganisation: "Organisation",
	buurtnet.KindProject:      "Project",
	buurtnet.KindTerritory:    "Territory",
	buurtnet.KindFunder:       "Funder",
	buurtnet.KindTheme:        "Theme",
	buurtnet.KindTargetGroup:  "TargetGroup",
	buurtnet.KindFunction:     "Function",
	buurtnet.KindPerson:       "Person",
	buurtnet.KindConsultation: "Consultation",
	buurtnet.KindCycle:        "Cycle",
	buurtnet.KindMeeting:      "Meeting",
}

// label returns the label of kind k; k has been validated, so an unknown
// kind is a bug.
func label(k buurtnet.Kind) string {
	l, ok := labels[k]
	if !ok {
		panic(fmt.Sprintf("neo4j: no label for kind %q", k))
	}
	return l
}

// Nodes returns the entities with the given ids; unknown ids are left out.
func (db *DB) Nodes(ctx context.Context, ids []string) (_ []buurtnet.Node, err error) {
	defer db.wrap(&err, "nodes")
	if len(ids) == 0 {
		return nil, nil
	}
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) ([]buurtnet.Node, error) {
		return loadNodes(ctx, tx, ids)
	})
}

// CreateNode stores a new entity, setting its timestamps.
func (db *DB) CreateNode(ctx context.Context, n buurtnet.Node) (err error) {
	if n == nil {
		return buurtnet.Errorf(buurtnet.EINVALID, "no entity given")
	}
	defer db.wrap(&err, "create node %s", n.NodeID())
	if err := n.Validate(); err != nil {
		return err
	}
	now := db.now()
	buurtnet.SetStamp(n, storekit.NewStamp(now)) // the store's, whatever n carried
	props, err := nodeProps(n)
	if err != nil {
		return err
	}
	_, err = writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		// The enterprise number first, then the id, as the SQLite store's
		// unique indexes answer.
		if err := checkEnterpriseNumber(ctx, tx, n, ""); err != nil {
			return struct{}{}, err
		}
		recs, err := collect(ctx, tx, `MATCH (n:Node {id: $id}) RETURN count(n) AS n`, map[string]any{"id": n.NodeID()})
		if err != nil {
			return struct{}{}, err
		}
		if taken, err := value[int64](recs[0], "n"); err != nil {
			return struct{}{}, err
		} else if taken > 0 {
			return struct{}{}, buurtnet.FieldError(buurtnet.ECONFLICT, "id", "there is already an entity with id %q", n.NodeID())
		}
		if err := exec(ctx, tx, `CREATE (n:Node:`+label(n.NodeKind())+`) SET n = $props`, map[string]any{"props": props}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, writeAudit(ctx, tx, auditEntry(ctx, buurtnet.AuditCreate, n.NodeID(), now))
	})
	return err
}

// UpdateNode loads the entity, lets change modify it and stores it, all in
// the work function of one write transaction: when the driver retries it,
// change runs again on a freshly loaded entity.
func (db *DB) UpdateNode(ctx context.Context, id string, change func(buurtnet.Node) error) (_ buurtnet.Node, err error) {
	defer db.wrap(&err, "update node %s", id)
	now := db.now()
	return writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (buurtnet.Node, error) {
		n, err := findNode(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		if err := storekit.ApplyChange(n, change, now); err != nil {
			return nil, err
		}
		if err := checkEnterpriseNumber(ctx, tx, n, id); err != nil {
			return nil, err
		}
		props, err := nodeProps(n)
		if err != nil {
			return nil, err
		}
		if err := exec(ctx, tx, `MATCH (n:Node {id: $id}) SET n = $props`, map[string]any{"id": id, "props": props}); err != nil {
			return nil, err
		}
		if err := writeAudit(ctx, tx, auditEntry(ctx, buurtnet.AuditUpdate, id, now)); err != nil {
			return nil, err
		}
		return n, nil
	})
}

// DeleteNode removes an entity and every link to or from it.
func (db *DB) DeleteNode(ctx context.Context, id string) (err error) {
	defer db.wrap(&err, "delete node %s", id)
	now := db.now()
	_, err = writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := collect(ctx, tx, `MATCH (n:Node {id: $id}) DETACH DELETE n RETURN count(*) AS n`, map[string]any{"id": id})
		if err != nil {
			return struct{}{}, err
		}
		if deleted, err := value[int64](recs[0], "n"); err != nil {
			return struct{}{}, err
		} else if deleted == 0 {
			return struct{}{}, notFound(id)
		}
		return struct{}{}, writeAudit(ctx, tx, auditEntry(ctx, buurtnet.AuditDelete, id, now))
	})
	return err
}

func notFound(id string) error {
	return buurtnet.FieldError(buurtnet.ENOTFOUND, "id", "there is no entity with id %q", id)
}

// findNode loads one entity, ENOTFOUND when there is none.
func findNode(ctx context.Context, tx neo4j.ManagedTransaction, id string) (buurtnet.Node, error) {
	nodes, err := queryNodes(ctx, tx, `MATCH (n:Node {id: $id}) RETURN n.kind AS kind, n.data AS data`, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(nodes) == 0 {
		return nil, notFound(id)
	}
	return nodes[0], nil
}

// loadNodes loads the entities with the given ids, in one query.
func loadNodes(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]buurtnet.Node, error) {
	return queryNodes(ctx, tx, `MATCH (n:Node) WHERE n.id IN $ids RETURN n.kind AS kind, n.data AS data`,
		map[string]any{"ids": storekit.Distinct(ids)})
}

// queryNodes runs a query returning kind and data, and decodes the rows.
func queryNodes(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]buurtnet.Node, error) {
	rows, err := collectRows(ctx, tx, cypher, params, "kind", "data")
	if err != nil {
		return nil, err
	}
	return nodesOf(rows)
}

// nodesOf decodes rows of kind and data.
func nodesOf(rows [][]any) ([]buurtnet.Node, error) {
	var out []buurtnet.Node // nil when none, as with the SQLite store
	for _, row := range rows {
		n, err := decodeRow(row[0], row[1])
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// decodeRow decodes an entity from its kind and data columns.
func decodeRow(kind, data any) (buurtnet.Node, error) {
	k, okKind := kind.(string)
	d, okData := data.(string)
	if !okKind || !okData {
		return nil, fmt.Errorf("read an entity: kind %T and data %T, want two strings", kind, data)
	}
	return decodeNode(k, d)
}

// checkEnterpriseNumber refuses an organisation whose enterprise number an
// organisation other than self (the one updated, if any) already has,
// naming that organisation, as the SQLite store does. The uniqueness
// constraint stays the guard against a concurrent transaction.
func checkEnterpriseNumber(ctx context.Context, tx neo4j.ManagedTransaction, n buurtnet.Node, self string) error {
	o, ok := n.(*buurtnet.Organisation)
	if !ok || o.EnterpriseNumber == "" {
		return nil
	}
	holders, err := enterpriseHolders(ctx, tx, []string{o.EnterpriseNumber})
	if err != nil {
		return err
	}
	if h := holders[o.EnterpriseNumber]; h != nil && (self == "" || h.ID != self) {
		return enterpriseConflict(o.EnterpriseNumber, h.ID, h.Name)
	}
	return nil
}

// enterpriseHolders returns the stored organisations with one of the given
// enterprise numbers, by number.
func enterpriseHolders(ctx context.Context, tx neo4j.ManagedTransaction, numbers []string) (map[string]*buurtnet.Organisation, error) {
	out := map[string]*buurtnet.Organisation{}
	if len(numbers) == 0 {
		return out, nil
	}
	nodes, err := queryNodes(ctx, tx, `MATCH (n:Organisation) WHERE n.enterprise_number IN $numbers RETURN n.kind AS kind, n.data AS data`,
		map[string]any{"numbers": storekit.Distinct(numbers)})
	if err != nil {
		return nil, err
	}
	for _, n := range nodes {
		o := n.(*buurtnet.Organisation)
		out[o.EnterpriseNumber] = o
	}
	return out, nil
}

// enterpriseConflict is the CONFLICT a person can act on: which
// organisation already has the number.
func enterpriseConflict(number, holderID string, holderName buurtnet.Text) error {
	return buurtnet.FieldError(buurtnet.ECONFLICT, "enterpriseNumber", "enterprise number %s is already that of %s (%s)", number, holderName.In(buurtnet.NL), holderID)
}

// nodeProps returns the properties of an entity's node: the values queries
// filter, sort and join on, every field of the entity as a property of its
// own (names and descriptions once per language), so that the graph can be
// queried, browsed and analysed as it is, and the JSON of the struct in
// data, which the store reads back (an exact copy, whatever fields a later
// version adds). Empty values are left out (a property cannot hold null),
// so that they match no filter, as in the SQLite store.
func nodeProps(n buurtnet.Node) (map[string]any, error) {
	data, err := json.Marshal(n)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", n.NodeID(), err)
	}
	names := n.Names()
	s := buurtnet.Timestamps(n)
	props := map[string]any{
		"id":         n.NodeID(),
		"kind":       string(n.NodeKind()),
		"name":       names.In(buurtnet.NL),
		"sort_nl":    buurtnet.Fold(names.In(buurtnet.NL)),
		"sort_fr":    buurtnet.Fold(names.In(buurtnet.FR)),
		"sort_en":    buurtnet.Fold(names.In(buurtnet.EN)),
		"data":       string(data),
		"created_at": formatTime(s.CreatedAt),
		"updated_at": formatTime(s.UpdatedAt),
	}
	set := func(key, v string) {
		if v != "" {
			props[key] = v
		}
	}
	text := func(key string, t buurtnet.Text) {
		set(key+"_nl", t.NL)
		set(key+"_fr", t.FR)
		set(key+"_en", t.EN)
	}
	if s.Version != 0 {
		props["version"] = int64(s.Version)
	}
	var acronym string
	switch v := n.(type) {
	case *buurtnet.Organisation:
		acronym = v.Acronym
		text("name", v.Name)
		text("description", v.Description)
		set("acronym", v.Acronym)
		set("organisation_kind", string(v.Kind))
		set("enterprise_number", v.EnterpriseNumber)
		set("language_community", string(v.LanguageCommunity))
		set("care_line", string(v.Line))
		set("care_form", string(v.Care))
		set("social_map_id", v.SocialMapID)
		set("website", v.Website)
		set("source", v.Source)
		if len(v.Sectors) > 0 {
			sectors := make([]string, len(v.Sectors))
			for i, x := range v.Sectors {
				sectors[i] = string(x)
			}
			props["sectors"] = sectors
		}
	case *buurtnet.Funder:
		acronym = v.Acronym
		text("name", v.Name)
		set("acronym", v.Acronym)
		set("level", string(v.Level))
		set("website", v.Website)
		set("source", v.Source)
	case *buurtnet.Project:
		text("name", v.Name)
		text("description", v.Description)
		set("status", string(v.Status))
		set("language_community", string(v.LanguageCommunity))
		set("website", v.Website)
		set("source", v.Source)
		// Always set, "" when open: a project without a start sorts first,
		// as with the SQLite store's COALESCE(start, '').
		props["period_start"] = v.Period.Start.String()
		props["period_end"] = v.Period.End.String()
	case *buurtnet.Territory:
		text("name", v.Name)
		set("territory_kind", string(v.Kind))
		set("code", v.Code)
		set("note", v.Note)
		set("source", v.Source)
	case *buurtnet.Term:
		text("name", v.Name)
		text("description", v.Description)
		set("framework", string(v.Framework))
		if v.Number != 0 {
			props["number"] = int64(v.Number)
		}
		set("pillar", v.Pillar)
		if v.Approach {
			props["approach"] = true
		}
		set("source", v.Source)
	case *buurtnet.Person:
		// A contact person's name and function only: e-mail and phone are
		// personal data the graph's analyses never need, kept in data.
		set("function", v.Function)
		set("source", v.Source)
	case *buurtnet.Consultation:
		text("name", v.Name)
		text("description", v.Description)
		set("website", v.Website)
		set("source", v.Source)
	case *buurtnet.Cycle:
		text("name", v.Name)
		set("period_start", v.Period.Start.String())
		set("period_end", v.Period.End.String())
		set("source", v.Source)
	case *buurtnet.Meeting:
		// Actions and signals are records (text, owner, due day), which a
		// property cannot hold: they are in data only.
		text("name", v.Name)
		props["number"] = int64(v.Number)
		set("date", v.Date.String())
		if len(v.Agenda) > 0 {
			props["agenda"] = v.Agenda
		}
		if len(v.Decisions) > 0 {
			props["decisions"] = v.Decisions
		}
		set("source", v.Source)
	}
	props["search"] = names.SearchKey(acronym)
	return props, nil
}

// decodeNode reads a node's data into the struct of its kind.
func decodeNode(kind, data string) (buurtnet.Node, error) {
	return storekit.DecodeNode(buurtnet.Kind(kind), []byte(data))
}
