package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/buurtnet/buurtnet"
)

// Apply upserts a whole network in one transaction: a file with one bad
// entry changes nothing. With opts.DryRun every write is made and checked,
// then rolled back, so the report says exactly what a real run would do.
func (db *DB) Apply(ctx context.Context, n *buurtnet.Network, opts buurtnet.ApplyOptions) (_ *buurtnet.ApplyReport, err error) {
	defer db.wrap(ctx, &err, "apply network")
	if n == nil {
		return nil, buurtnet.Errorf(buurtnet.EINVALID, "no network given")
	}
	now := db.now()
	tx, err := db.write(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	a := &applier{tx: tx, now: now}
	if err := a.apply(ctx, n); err != nil {
		return nil, err
	}
	if opts.DryRun {
		return a.plan.Report(), nil // the deferred Rollback undoes the writes
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return a.plan.Report(), nil
}

// applier carries the state of one Apply; the plan makes its decisions.
type applier struct {
	tx   *sql.Tx
	now  time.Time
	plan *buurtnet.ApplyPlan
}

func (a *applier) apply(ctx context.Context, n *buurtnet.Network) error {
	nodes := n.Nodes()
	inFile := map[string]bool{}
	ids := make([]string, 0, len(nodes))
	for _, node := range nodes {
		inFile[node.NodeID()] = true
		ids = append(ids, node.NodeID())
	}
	// Links may point at entities that are only in the store.
	var outside []string
	for _, l := range n.Links {
		for _, end := range []string{l.From, l.To} {
			if !inFile[end] {
				outside = append(outside, end)
			}
		}
	}
	known, err := existingIDs(ctx, a.tx, outside)
	if err != nil {
		return err
	}
	if err := n.Validate(known); err != nil {
		return err
	}

	storedNodes, err := loadNodes(ctx, a.tx, ids)
	if err != nil {
		return err
	}
	stored := map[string]buurtnet.Node{}
	for _, s := range storedNodes {
		stored[s.NodeID()] = s
	}
	remap, err := a.matchOrganisations(ctx, n.Organisations, inFile, stored)
	if err != nil {
		return err
	}
	a.plan = buurtnet.NewApplyPlan(a.now, remap, func() (*buurtnet.TerritoryGraph, error) { return territoryGraph(ctx, a.tx) })
	for _, node := range nodes {
		if err := a.node(ctx, node, stored); err != nil {
			return inEntity(string(node.NodeKind()), node.NodeID(), err)
		}
	}
	return a.links(ctx, n.Links)
}

// matchOrganisations finds the organisations of the file that are new by id
// but whose enterprise number the store knows: they are the stored
// organisation, so the file's id is mapped to the stored one.
func (a *applier) matchOrganisations(ctx context.Context, orgs []*buurtnet.Organisation, inFile map[string]bool, stored map[string]buurtnet.Node) (map[string]string, error) {
	numbers := buurtnet.NumbersToMatch(orgs, stored)
	if len(numbers) == 0 {
		return nil, nil
	}
	holders, err := queryNodes(ctx, a.tx, `SELECT kind, data FROM nodes WHERE `+inList("enterprise_number"), jsonList(numbers))
	if err != nil {
		return nil, err
	}
	byNumber := map[string]*buurtnet.Organisation{}
	for _, h := range holders {
		o := h.(*buurtnet.Organisation)
		byNumber[o.EnterpriseNumber] = o
	}
	return buurtnet.MatchByEnterpriseNumber(orgs, byNumber, stored, inFile)
}

// node creates, updates or leaves one entity of the file, as the plan decides.
func (a *applier) node(ctx context.Context, node buurtnet.Node, stored map[string]buurtnet.Node) error {
	node, decision := a.plan.Node(node, stored[a.plan.ID(node.NodeID())])
	switch decision {
	case buurtnet.Create:
		if err := insertNode(ctx, a.tx, node); err != nil {
			return err
		}
	case buurtnet.Update:
		if err := updateNode(ctx, a.tx, node); err != nil {
			return err
		}
	default:
		return nil
	}
	return audit(ctx, a.tx, buurtnet.AuditImport, node.NodeID(), a.now)
}

// links creates, updates or leaves the links of the file, as the plan decides.
func (a *applier) links(ctx context.Context, links []*buurtnet.Link) error {
	var froms []string
	for _, l := range links {
		froms = append(froms, a.plan.LinkKey(l).From)
	}
	storedLinks, err := queryLinks(ctx, a.tx, `SELECT data FROM links WHERE `+inList("from_id"), jsonList(distinct(froms)))
	if err != nil {
		return err
	}
	stored := map[buurtnet.LinkKey]*buurtnet.Link{}
	for _, l := range storedLinks {
		stored[l.LinkKey] = l
	}
	for i, l := range links {
		l, decision, err := a.plan.Link(i, l, stored[a.plan.LinkKey(l)])
		if err != nil {
			return err
		}
		switch decision {
		case buurtnet.Create:
			if err := insertLink(ctx, a.tx, l); err != nil {
				return inEntity("links", fmt.Sprint(i), err)
			}
		case buurtnet.Update:
			if err := updateLink(ctx, a.tx, l); err != nil {
				return err
			}
		default:
			continue
		}
		if err := audit(ctx, a.tx, buurtnet.AuditImport, l.LinkKey.String(), a.now); err != nil {
			return err
		}
	}
	return nil
}

// existingIDs returns which of ids the store has.
func existingIDs(ctx context.Context, tx *sql.Tx, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM nodes WHERE `+inList("id"), jsonList(distinct(ids)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// inEntity puts the entry of the file an error is about in front of its
// field ("org[org:x].enterpriseNumber"), as Network.Validate does.
func inEntity(section, id string, err error) error {
	var e *buurtnet.Error
	if !errors.As(err, &e) {
		return err
	}
	field := fmt.Sprintf("%s[%s]", section, id)
	if e.Field != "" {
		field += "." + e.Field
	}
	return &buurtnet.Error{Code: e.Code, Field: field, Message: e.Message}
}
