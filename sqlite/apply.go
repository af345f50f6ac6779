package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
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
	tx, release, err := db.bulkWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	defer tx.Rollback()
	buildIndexes, empty, err := deferIndexes(ctx, tx, "nodes", "links")
	if err != nil {
		return nil, err
	}

	a := &applier{tx: tx, now: now, empty: empty["nodes"], newNodes: newBatch(tx, insertNodes, 10), newLinks: newBatch(tx, insertLinks, 6)}
	err = a.apply(ctx, n)
	for _, b := range []*batch{a.newNodes, a.newLinks} {
		if cerr := b.close(ctx); err == nil {
			err = cerr
		}
	}
	if err == nil {
		err = auditGroup(ctx, tx, buurtnet.AuditImport, a.audited, now)
	}
	if err != nil {
		return nil, err
	}
	if opts.DryRun {
		return a.plan.Report(), nil // the deferred Rollback undoes the writes
	}
	if err := buildIndexes(ctx); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return a.plan.Report(), nil
}

// applier carries the state of one Apply; the plan makes its decisions.
// New rows go through batches, written a few hundred per statement; the
// audit entries of the changes, one per subject in the order of the file,
// are written as one group at the end.
type applier struct {
	tx       *sql.Tx
	now      time.Time
	plan     *storekit.ApplyPlan
	newNodes *batch
	newLinks *batch
	audited  []string
	// empty is set when the store held no entity as the transaction began.
	empty bool
}

const (
	insertNodes = `INSERT INTO nodes (id, kind, sort_nl, sort_fr, sort_en, search, enterprise_number, data, created_at, updated_at) VALUES `
	insertLinks = `INSERT INTO links (kind, from_id, to_id, data, created_at, updated_at) VALUES `
)

func (a *applier) apply(ctx context.Context, n *buurtnet.Network) error {
	reader := &applyReader{ctx: ctx, tx: a.tx, empty: a.empty}
	prep, err := storekit.PrepareApply(n, a.now, reader)
	if err != nil {
		return err
	}
	a.plan = prep.Plan
	var created []buurtnet.Node
	for _, node := range prep.Nodes {
		node, decision := a.plan.Node(node, prep.Stored[a.plan.ID(node.NodeID())])
		switch decision {
		case storekit.Create:
			created = append(created, node)
		case storekit.Update:
			if err := updateNode(ctx, a.tx, node); err != nil {
				return storekit.InEntity(string(node.NodeKind()), node.NodeID(), err)
			}
		default:
			continue
		}
		a.audited = append(a.audited, node.NodeID())
	}
	// The links are decided while the entities are written, on the other
	// core: the plan then reads nothing more from the store (the stored
	// links and the nesting are read first), so the transaction stays this
	// goroutine's. For a region (140,000 links), the in-process benchmark
	// took 2.19–3.41 s before and 2.22–2.77 s after, in six alternate
	// rounds: 4 % less at the median, up to 19 %.
	var storedLinks []*buurtnet.Link
	if !reader.empty { // a link needs its ends: no entity, no link
		if storedLinks, err = a.storedLinks(ctx, n.Links); err != nil {
			return err
		}
	}
	if nests(n.Links) {
		if _, err := reader.TerritoryGraph(); err != nil {
			return err
		}
	}
	decided := make(chan linkDecisions, 1)
	go func() { decided <- a.decideLinks(n.Links, storedLinks) }()
	nodesErr := a.insertNodes(ctx, created)
	if nodesErr == nil {
		// Links check that their ends exist: the entities go in first.
		nodesErr = a.newNodes.flush(ctx)
	}
	d := <-decided
	if err := cmp.Or(nodesErr, d.err); err != nil {
		return err
	}
	return a.writeLinks(ctx, d)
}

// nests reports whether links holds a link of a kind that nests
// territories or programmes, which the plan checks against the stored
// nesting.
func nests(links []*buurtnet.Link) bool {
	return slices.ContainsFunc(links, func(l *buurtnet.Link) bool {
		return slices.Contains(buurtnet.NestingLinkKinds, l.Kind)
	})
}

// insertNodes writes the new entities, their rows encoded a batch ahead.
func (a *applier) insertNodes(ctx context.Context, nodes []buurtnet.Node) error {
	in := func(n buurtnet.Node, err error) error {
		return storekit.InEntity(string(n.NodeKind()), n.NodeID(), err)
	}
	done := make(chan struct{})
	defer close(done)
	columns := func(n buurtnet.Node) ([]any, error) {
		cols, err := nodeColumns(n)
		if err != nil {
			return nil, in(n, err)
		}
		return cols, nil
	}
	for part := range encodeRows(nodes, columns, done) {
		if part.err != nil {
			return part.err
		}
		for j, cols := range part.rows() {
			n := nodes[part.start+j]
			single := func() error { return in(n, insertNode(ctx, a.tx, n)) }
			if err := a.newNodes.add(ctx, single, cols...); err != nil {
				return err
			}
		}
	}
	return nil
}

// applyReader reads what storekit.PrepareApply asks for, in the write's
// transaction. It keeps the nesting once read, so that the plan can ask
// for it again on another goroutine without touching the transaction.
type applyReader struct {
	ctx   context.Context
	tx    *sql.Tx
	graph *buurtnet.TerritoryGraph
	// empty is set when the store held no entity as the transaction
	// began: then nothing is looked up. A first import of a region would
	// otherwise look up its 30,000 ids and its enterprise numbers, and the
	// starts of its 140,000 links, and find none (60–80 ms of 2.5 s).
	empty bool
}

func (r *applyReader) ExistingIDs(ids []string) (map[string]bool, error) {
	if r.empty {
		return map[string]bool{}, nil
	}
	return existingIDs(r.ctx, r.tx, ids)
}

func (r *applyReader) Nodes(ids []string) ([]buurtnet.Node, error) {
	if r.empty {
		return nil, nil
	}
	return loadNodes(r.ctx, r.tx, ids)
}

func (r *applyReader) TerritoryGraph() (*buurtnet.TerritoryGraph, error) {
	if r.graph == nil {
		g, err := territoryGraph(r.ctx, r.tx)
		if err != nil {
			return nil, err
		}
		r.graph = g
	}
	return r.graph, nil
}

func (r *applyReader) EnterpriseHolders(numbers []string) (map[string]*buurtnet.Organisation, error) {
	if r.empty {
		return map[string]*buurtnet.Organisation{}, nil
	}
	holders, err := queryNodes(r.ctx, r.tx, `SELECT kind, data FROM nodes WHERE `+inList("enterprise_number"), jsonList(numbers))
	if err != nil {
		return nil, err
	}
	byNumber := map[string]*buurtnet.Organisation{}
	for _, h := range holders {
		o := h.(*buurtnet.Organisation)
		byNumber[o.EnterpriseNumber] = o
	}
	return byNumber, nil
}

// storedLinks reads the stored links that start where links of the file
// start: the ones the file may change.
func (a *applier) storedLinks(ctx context.Context, links []*buurtnet.Link) ([]*buurtnet.Link, error) {
	var froms []string
	for _, l := range links {
		froms = append(froms, a.plan.LinkKey(l).From)
	}
	return queryLinks(ctx, a.tx, `SELECT `+linkColumns+` FROM links WHERE `+inList("from_id"), jsonList(storekit.Distinct(froms)))
}

// linkDecisions are what the plan decides for the links of a file: the
// new ones, numbered by their place in the file, the changed ones, and
// the keys of both in the order of the file, for the audit.
type linkDecisions struct {
	created []numbered
	updated []*buurtnet.Link
	audited []string
	err     error
}

type numbered struct {
	i int
	l *buurtnet.Link
}

// decideLinks asks the plan about every link of the file, against the
// stored ones; it reads nothing from the store.
func (a *applier) decideLinks(links, storedLinks []*buurtnet.Link) (d linkDecisions) {
	stored := map[buurtnet.LinkKey]*buurtnet.Link{}
	for _, l := range storedLinks {
		stored[l.LinkKey] = l
	}
	if d.err = a.plan.CheckSingles(links, storedLinks); d.err != nil {
		return d
	}
	for i, l := range links {
		l, decision, err := a.plan.Link(i, l, stored[a.plan.LinkKey(l)])
		if err != nil {
			d.err = err
			return d
		}
		switch decision {
		case storekit.Create:
			d.created = append(d.created, numbered{i, l})
		case storekit.Update:
			d.updated = append(d.updated, l)
		default:
			continue
		}
		d.audited = append(d.audited, l.LinkKey.String())
	}
	// New links are written after the plan has seen them all, in the order
	// of the primary key: each insert then lands next to the previous one
	// in the index rather than anywhere in it.
	slices.SortFunc(d.created, func(x, y numbered) int {
		return cmp.Or(strings.Compare(string(x.l.Kind), string(y.l.Kind)), strings.Compare(x.l.From, y.l.From), strings.Compare(x.l.To, y.l.To))
	})
	return d
}

// writeLinks makes the link writes decided: the changes, then the new
// links.
func (a *applier) writeLinks(ctx context.Context, d linkDecisions) error {
	for _, l := range d.updated {
		if err := updateLink(ctx, a.tx, l); err != nil {
			return err
		}
	}
	a.audited = append(a.audited, d.audited...)
	created := d.created
	// Encoding the rows is a third of the work of writing them: it runs on
	// a goroutine of its own, a batch ahead of the writes.
	done := make(chan struct{})
	defer close(done)
	columns := func(c numbered) ([]any, error) {
		l := c.l
		data, err := encodeLink(l)
		if err != nil {
			return nil, err
		}
		return []any{l.Kind, l.From, l.To, string(data), formatTime(l.CreatedAt), formatTime(l.UpdatedAt)}, nil
	}
	for part := range encodeRows(created, columns, done) {
		if part.err != nil {
			return part.err // the import fails as a whole: no row need go in first
		}
		for j, cols := range part.rows() {
			c := created[part.start+j]
			single := func() error {
				if err := insertLink(ctx, a.tx, c.l); err != nil {
					return storekit.InEntity("links", fmt.Sprint(c.i), err)
				}
				return nil
			}
			if err := a.newLinks.add(ctx, single, cols...); err != nil {
				return err
			}
		}
	}
	return nil
}

// encodedRows are the columns of the rows items[start:start+n], one after
// the other, or the error of encoding one of them.
type encodedRows struct {
	start, n int
	values   []any
	err      error
}

// rows yields the columns of each row in turn.
func (e encodedRows) rows() func(func(int, []any) bool) {
	return func(yield func(int, []any) bool) {
		width := len(e.values) / max(e.n, 1)
		for j := range e.n {
			if !yield(j, e.values[j*width:(j+1)*width]) {
				return
			}
		}
	}
}

// encodeRows encodes the rows of items with columns on a goroutine of its
// own, a batch at a time, and closes the channel after the last batch,
// after an error, or when done is closed. The writes of an import go
// through one connection, on one core; the encoding (JSON, folded names,
// times) takes the other.
func encodeRows[T any](items []T, columns func(T) ([]any, error), done <-chan struct{}) <-chan encodedRows {
	out := make(chan encodedRows, 4)
	go func() {
		defer close(out)
		for start := 0; start < len(items); start += batchRows {
			part := encodedRows{start: start}
			for _, it := range items[start:min(start+batchRows, len(items))] {
				cols, err := columns(it)
				if err != nil {
					part.err = err
					break
				}
				part.values = append(part.values, cols...)
				part.n++
			}
			select {
			case out <- part:
			case <-done:
				return
			}
			if part.err != nil {
				return
			}
		}
	}()
	return out
}

// existingIDs returns which of ids the store has.
func existingIDs(ctx context.Context, tx *sql.Tx, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM nodes WHERE `+inList("id"), jsonList(storekit.Distinct(ids)))
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
