package neo4j

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/parallel"
)

// A first import into an empty database is written in transactions of a
// bounded size rather than in one: Neo4j keeps the whole of a transaction
// in its heap until the commit, and the country's network (750,000 links)
// did not fit in 6 GiB. It stays all or nothing for whoever imports: should
// a batch fail, the entities written so far are deleted again, with their
// links (every link of a first import has both ends among its entities).
// Other sessions may see the network appear batch by batch; a process
// killed halfway leaves the batches written, and running the same import
// again completes them (it then changes only what is missing).
//
// Smaller imports, and every import into a database that holds entities,
// stay one transaction.
const (
	// batchedImportMin is the number of links from which a first import
	// is written in batches.
	batchedImportMin = 20_000
	// batchRowsPerTx bounds the rows (entities or links) of one transaction.
	batchRowsPerTx = 10_000
	// importWriters is the number of batches written at once (see
	// applyInBatches).
	importWriters = 3
)

// batchedImport holds the sizes of applyInBatches, and a hook the tests
// use to make a batch fail after the ones before it were committed.
var batchedImport = struct {
	min, rowsPerTx int
	committed      func() error
}{batchedImportMin, batchRowsPerTx, func() error { return nil }}

// errNotEmpty tells Apply that the database holds entities: the import is
// one transaction.
var errNotEmpty = errors.New("the database holds entities")

// errEntitiesFailed stops the batches of links waiting for entities that a
// failed batch did not write; the failed batch's error is the one reported.
var errEntitiesFailed = errors.New("a batch of entities failed")

// applyInBatches makes the decisions of the plan in one transaction, when
// the database holds no entity (errNotEmpty otherwise), then
// writes them in transactions of batchRowsPerTx rows (see batchWrites):
// the entities, whose element ids it keeps, the links between them, found
// by those ids rather than by the index on id, then the audit entries.
func (db *DB) applyInBatches(ctx context.Context, n *buurtnet.Network, now time.Time) (_ *buurtnet.ApplyReport, err error) {
	a, err := writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (*applier, error) {
		recs, err := collect(ctx, tx, `MATCH (n:Node) RETURN n.id AS id LIMIT 1`, nil)
		if err != nil {
			return nil, err
		}
		if len(recs) > 0 {
			return nil, errNotEmpty
		}
		a := &applier{ctx: ctx, tx: tx, now: now, empty: true}
		if err := a.decideNodes(n); err != nil {
			return nil, err
		}
		// The links, decided after this transaction, check the nesting
		// against the graph read here.
		_, err = a.TerritoryGraph()
		return a, err
	})
	if err != nil {
		return nil, err
	}
	// The links are decided while the entities are written: in a store
	// that held no entity their decisions read nothing, and a region's
	// 140,000 take the importer some 0.7 s of its own.
	waitLinks := parallel.Start(func() error { return a.links(n.Links) })
	// Whatever fails, the decisions are awaited before returning.
	defer waitLinks()
	w := newBatchWrites(ctx, db, len(n.Nodes()))
	defer func() {
		if err != nil && len(w.created) > 0 {
			if cerr := db.deleteImported(context.WithoutCancel(ctx), w.created, now); cerr != nil {
				err = fmt.Errorf("%w (and deleting the %d entities written: %v)", err, len(w.created), cerr)
			}
		}
	}()

	var entityWrites []func() error
	for _, k := range buurtnet.Kinds {
		for rows := range chunks(a.creates[k], batchedImport.rowsPerTx) {
			entityWrites = append(entityWrites, w.entities(k, rows))
		}
	}
	waitEntities := parallel.Start(func() error {
		err := parallel.Each(importWriters, entityWrites)
		if err != nil {
			close(w.failed)
		}
		return err
	})
	// Whatever fails, the entities' writers finish before the cleanup
	// above deletes what they wrote. Their error comes first: the links
	// stopped because of it.
	defer waitEntities()
	if err := waitLinks(); err != nil {
		return nil, cmp.Or(waitEntities(), err)
	}
	var linkWrites []func() error
	for _, k := range buurtnet.LinkKinds {
		for part := range chunks(a.linkCreates[k], batchedImport.rowsPerTx) {
			job, err := w.links(k, part)
			if err != nil {
				return nil, cmp.Or(waitEntities(), err)
			}
			linkWrites = append(linkWrites, job)
		}
	}
	linksErr := parallel.Each(importWriters, linkWrites)
	if err := cmp.Or(waitEntities(), linksErr); err != nil {
		return nil, err
	}

	// The audit entries last, in one transaction: they raise the store's
	// revision, which tells every reader's caches that the network changed.
	if _, err := writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, writeAuditGroups(ctx, tx, importAudit(ctx, a.audited, now))
	}); err != nil {
		return nil, err
	}
	return a.plan.Report(), nil
}

// batchWrites writes the batches of a first import, importWriters
// transactions at a time. Neo4j builds and commits each on a core of its
// own, and its uniqueness constraints (ids, link keys) let writers add
// entities and relationships side by side without waiting for each other:
// no retry was needed in any trial. On two cores, batches of 20,000 rows
// took the region's import from 13.0–14.3 s one at a time to 10.7–12.1 s
// two and 10.1–12.2 s three at a time; three of 10,000 rows then took
// 7.6–8.7 s against 8.6–9.8 s (see the README). The third writer keeps the
// server busy while the others send their next batch or wait for a commit.
//
// A batch of links begins as soon as the batches holding its ends are
// committed, rather than after every entity: the links between
// territories are written while the organisations still are, and no
// writer waits for the last batch of entities. For the region that is 3 %
// less time at the median of 32 imports alternating with the code before
// (7.48 against 7.72 s): small, and smaller than any one minute's noise,
// since the server's two cores were already busy most of the time.
type batchWrites struct {
	ctx     context.Context
	db      *DB
	writers chan struct{} // a slot per transaction at once
	batchOf map[string]int
	written []chan struct{} // closed when a batch of entities is committed
	failed  chan struct{}   // closed when a batch of entities failed

	mu       sync.Mutex        // guards what follows, and the tests' hook
	elements map[string]string // entity id → Neo4j element id
	created  []string          // ids of the entities written so far
}

func newBatchWrites(ctx context.Context, db *DB, entities int) *batchWrites {
	return &batchWrites{
		ctx: ctx, db: db,
		writers:  make(chan struct{}, importWriters),
		batchOf:  make(map[string]int, entities),
		failed:   make(chan struct{}),
		elements: make(map[string]string, entities),
	}
}

// write runs one transaction's job when a writer is free, and then the
// tests' hook, one batch at a time.
func (w *batchWrites) write(job func() error) error {
	w.writers <- struct{}{}
	defer func() { <-w.writers }()
	if err := job(); err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return batchedImport.committed()
}

// entities returns the job writing one batch of entities of kind k, which
// keeps their element ids.
func (w *batchWrites) entities(k buurtnet.Kind, rows []map[string]any) func() error {
	batch := len(w.written)
	done := make(chan struct{})
	w.written = append(w.written, done)
	for _, row := range rows {
		w.batchOf[row["id"].(string)] = batch
	}
	return func() error {
		err := w.write(func() error {
			sent := sendRows(rows, "", "id")
			// One record for the batch: a record per entity cost the
			// driver a timer each (its read deadline), some 0.4 s of the
			// importer's CPU for a region's 30,000.
			cypher := `UNWIND $rows AS row CREATE (n:Node:` + label(k) + ` ` + sent.props + `)
				RETURN collect([row[0], elementId(n)]) AS created`
			recs, err := writeTx(w.ctx, w.db, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
				return collect(w.ctx, tx, cypher, sent.params)
			})
			if err != nil {
				return err
			}
			if len(recs) != 1 {
				return fmt.Errorf("writing %d %s entities: %d records, want 1", len(rows), k, len(recs))
			}
			created, err := value[[]any](recs[0], "created")
			if err != nil {
				return err
			}
			w.mu.Lock()
			defer w.mu.Unlock()
			for _, c := range created {
				pair, _ := c.([]any)
				if len(pair) != 2 {
					return fmt.Errorf("writing %s entities: read %v, want an id and an element id", k, c)
				}
				id, okID := pair[0].(string)
				element, okElement := pair[1].(string)
				if !okID || !okElement {
					return fmt.Errorf("writing %s entities: read %v, want an id and an element id", k, c)
				}
				w.elements[id] = element
				w.created = append(w.created, id)
			}
			if len(created) != len(rows) {
				return fmt.Errorf("wrote %d of %d %s entities", len(created), len(rows), k)
			}
			return nil
		})
		if err == nil {
			close(done)
		}
		return err
	}
}

// links returns the job writing one batch of links of kind k, once the
// batches of their ends are committed; it stops when one of those failed.
func (w *batchWrites) links(k buurtnet.LinkKind, rows []map[string]any) (func() error, error) {
	needs := map[int]bool{}
	for _, row := range rows {
		from, okFrom := w.batchOf[row["from"].(string)]
		to, okTo := w.batchOf[row["to"].(string)]
		if !okFrom || !okTo {
			return nil, fmt.Errorf("apply in batches: %s link %s %s: an end is not among the entities written", k, row["from"], row["to"])
		}
		needs[from], needs[to] = true, true
	}
	return func() error {
		for batch := range needs {
			select {
			case <-w.written[batch]:
			case <-w.failed:
				return errEntitiesFailed
			}
		}
		w.mu.Lock()
		for _, row := range rows {
			row["from"], row["to"] = w.elements[row["from"].(string)], w.elements[row["to"].(string)]
		}
		w.mu.Unlock()
		return w.write(func() error {
			sent := sendRows(rows, "props", "from", "to")
			cypher := `UNWIND $rows AS row
				MATCH (a) WHERE elementId(a) = row[0]
				MATCH (b) WHERE elementId(b) = row[1]
				CREATE (a)-[:` + mustRelType(k) + ` ` + sent.props + `]->(b)`
			_, err := writeTx(w.ctx, w.db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
				s, err := execSummary(w.ctx, tx, cypher, sent.params)
				if err != nil {
					return struct{}{}, err
				}
				if got := s.Counters().RelationshipsCreated(); got != len(rows) {
					return struct{}{}, fmt.Errorf("created %d of %d %s links: an end is missing", got, len(rows), k)
				}
				return struct{}{}, nil
			})
			return err
		})
	}, nil
}

// deleteImported deletes, with their links, the entities of ids that a
// failed import created at now, a batch per transaction; an entity of the
// same id that another writer created is left alone.
func (db *DB) deleteImported(ctx context.Context, ids []string, now time.Time) error {
	at := formatTime(now)
	for part := range chunks(ids, batchRowsPerTx/4) {
		_, err := writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, `MATCH (n:Node) WHERE n.id IN $ids AND n.created_at = $at DETACH DELETE n`,
				map[string]any{"ids": part, "at": at})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// chunks yields s in parts of at most size.
func chunks[T any](s []T, size int) func(func([]T) bool) {
	return func(yield func([]T) bool) {
		for len(s) > 0 {
			part := s[:min(size, len(s))]
			s = s[len(part):]
			if !yield(part) {
				return
			}
		}
	}
}
