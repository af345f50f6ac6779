package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
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

	a := &applier{tx: tx, now: now, report: &buurtnet.ApplyReport{}, remap: map[string]string{}}
	if err := a.apply(ctx, n); err != nil {
		return nil, err
	}
	if opts.DryRun {
		return a.report, nil // the deferred Rollback undoes the writes
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return a.report, nil
}

// applier carries the state of one Apply.
type applier struct {
	tx     *sql.Tx
	now    time.Time
	report *buurtnet.ApplyReport
	// remap sends the file's id of an organisation the store knows under
	// another id (found by enterprise number) to the stored id.
	remap map[string]string
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
	if err := a.matchOrganisations(ctx, n.Organisations, inFile, stored); err != nil {
		return err
	}
	for _, node := range nodes {
		if err := a.node(ctx, node, stored); err != nil {
			return inEntity(string(node.NodeKind()), node.NodeID(), err)
		}
	}
	if err := a.links(ctx, n.Links); err != nil {
		return err
	}
	sort.Strings(a.report.Created)
	sort.Strings(a.report.Updated)
	return nil
}

// matchOrganisations finds the organisations of the file that are new by id
// but whose enterprise number the store knows: they are the stored
// organisation, so the file's id is mapped to the stored one.
func (a *applier) matchOrganisations(ctx context.Context, orgs []*buurtnet.Organisation, inFile map[string]bool, stored map[string]buurtnet.Node) error {
	var numbers []string
	for _, o := range orgs {
		if stored[o.ID] == nil && o.EnterpriseNumber != "" {
			numbers = append(numbers, o.EnterpriseNumber)
		}
	}
	if len(numbers) == 0 {
		return nil
	}
	holders, err := queryNodes(ctx, a.tx, `SELECT kind, data FROM nodes WHERE `+inList("enterprise_number"), jsonList(numbers))
	if err != nil {
		return err
	}
	byNumber := map[string]*buurtnet.Organisation{}
	for _, h := range holders {
		o := h.(*buurtnet.Organisation)
		byNumber[o.EnterpriseNumber] = o
	}
	known := map[string]bool{}
	for id := range stored {
		known[id] = true
	}
	remap, err := buurtnet.MatchByEnterpriseNumber(orgs, byNumber, known, inFile)
	if err != nil {
		return err
	}
	for _, o := range orgs {
		if to, ok := remap[o.ID]; ok {
			a.remap[o.ID] = to
			stored[to] = byNumber[o.EnterpriseNumber]
		}
	}
	return nil
}

// node creates, updates or leaves one entity of the file.
func (a *applier) node(ctx context.Context, node buurtnet.Node, stored map[string]buurtnet.Node) error {
	if id, ok := a.remap[node.NodeID()]; ok {
		// A copy: the caller's network keeps its own ids.
		o := *node.(*buurtnet.Organisation)
		o.ID = id
		node = &o
	}
	old := stored[node.NodeID()]
	if old == nil {
		buurtnet.SetStamp(node, buurtnet.NewStamp(a.now))
		if err := insertNode(ctx, a.tx, node); err != nil {
			return err
		}
		if err := audit(ctx, a.tx, buurtnet.AuditImport, node.NodeID(), a.now); err != nil {
			return err
		}
		a.report.Created = append(a.report.Created, node.NodeID())
		return nil
	}
	if buurtnet.SameContent(old, node) {
		buurtnet.SetStamp(node, buurtnet.Timestamps(old))
		a.report.Unchanged++
		return nil
	}
	buurtnet.SetStamp(node, buurtnet.Timestamps(old).Next(a.now))
	if err := updateNode(ctx, a.tx, node); err != nil {
		return err
	}
	if err := audit(ctx, a.tx, buurtnet.AuditImport, node.NodeID(), a.now); err != nil {
		return err
	}
	a.report.Updated = append(a.report.Updated, node.NodeID())
	return nil
}

// links creates, updates or leaves the links of the file, checking each
// new PART_OF against the nesting so far.
func (a *applier) links(ctx context.Context, links []*buurtnet.Link) error {
	keys := make([]buurtnet.LinkKey, len(links))
	var froms []string
	for i, l := range links {
		keys[i] = buurtnet.LinkKey{Kind: l.Kind, From: a.id(l.From), To: a.id(l.To)}.Normalized()
		froms = append(froms, keys[i].From)
	}
	storedLinks, err := queryLinks(ctx, a.tx, `SELECT data FROM links WHERE `+inList("from_id"), jsonList(distinct(froms)))
	if err != nil {
		return err
	}
	stored := map[buurtnet.LinkKey]*buurtnet.Link{}
	for _, l := range storedLinks {
		stored[l.LinkKey] = l
	}
	nest, err := territoryGraph(ctx, a.tx)
	if err != nil {
		return err
	}

	for i, l := range links {
		where := fmt.Sprintf("links[%d]", i)
		if keys[i] != l.LinkKey {
			c := *l
			c.LinkKey = keys[i]
			l = &c
		}
		old := stored[l.LinkKey]
		if old == nil {
			if l.Kind == buurtnet.LinkPartOf {
				if nest.WouldCycle(l.From, l.To) {
					return cycle(l.LinkKey, where)
				}
				nest.AddPartOf(l.From, l.To)
			}
			l.Stamp = buurtnet.NewStamp(a.now)
			if err := insertLink(ctx, a.tx, l); err != nil {
				return inEntity("links", fmt.Sprint(i), err)
			}
			if err := audit(ctx, a.tx, buurtnet.AuditImport, l.LinkKey.String(), a.now); err != nil {
				return err
			}
			a.report.Created = append(a.report.Created, l.LinkKey.String())
			continue
		}
		if buurtnet.SameLinkContent(old, l) {
			l.Stamp = old.Stamp
			a.report.Unchanged++
			continue
		}
		l.Stamp = old.Stamp.Next(a.now)
		if err := updateLink(ctx, a.tx, l); err != nil {
			return err
		}
		if err := audit(ctx, a.tx, buurtnet.AuditImport, l.LinkKey.String(), a.now); err != nil {
			return err
		}
		a.report.Updated = append(a.report.Updated, l.LinkKey.String())
	}
	return nil
}

// id is the id the store knows an entity of the file by.
func (a *applier) id(id string) string {
	if to, ok := a.remap[id]; ok {
		return to
	}
	return id
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
