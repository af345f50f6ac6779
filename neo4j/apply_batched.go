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

// applyInBatches makes the decisions of the plan in one transaction, when
// the database holds no entity (errNotEmpty otherwise), then
// writes them in transactions of batchRowsPerTx rows: the entities, whose
// internal ids it keeps, then the links between them, found by those ids
// rather than by the index on id, then the audit entries.
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
	linksDecided := make(chan error, 1)
	go func() { linksDecided <- a.links(n.Links) }()
	waitLinks := func() error {
		if linksDecided == nil {
			return nil
		}
		err := <-linksDecided
		linksDecided = nil
		return err
	}
	// A failed entity write returns before the links are decided.
	defer waitLinks()
	var created []string // ids of the entities written so far
	defer func() {
		if err != nil && len(created) > 0 {
			if cerr := db.deleteImported(context.WithoutCancel(ctx), created, now); cerr != nil {
				err = fmt.Errorf("%w (and deleting the %d entities written: %v)", err, len(created), cerr)
			}
		}
	}()

	// Three transactions write at once. Neo4j builds and commits each on
	// a core of its own, and its uniqueness constraints (ids, link keys)
	// let writers add entities and relationships side by side without
	// waiting for each other: no retry was needed in any trial. On two
	// cores, batches of 20,000 rows took the region's import from
	// 13.0–14.3 s one at a time to 10.7–12.1 s two and 10.1–12.2 s three
	// at a time; three of 10,000 rows then took 7.6–8.7 s against 8.6–9.8
	// s (see the README). The third writer keeps the server busy while the
	// others send their next batch or wait for a commit. The hook of the
	// tests runs one batch at a time.
	var mu sync.Mutex
	committed := func() error {
		mu.Lock()
		defer mu.Unlock()
		return batchedImport.committed()
	}
	elements := make(map[string]string, len(n.Nodes()))
	var writes []func() error
	for _, k := range buurtnet.Kinds {
		for rows := range chunks(a.creates[k], batchedImport.rowsPerTx) {
			writes = append(writes, func() error {
				sent := sendRows(rows, "", "id")
				cypher := `UNWIND $rows AS row CREATE (n:Node:` + label(k) + ` ` + sent.props + `) RETURN row[0] AS id, elementId(n) AS element`
				recs, err := writeTx(ctx, db, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
					return collect(ctx, tx, cypher, sent.params)
				})
				if err != nil {
					return err
				}
				mu.Lock()
				for _, rec := range recs {
					id, idErr := value[string](rec, "id")
					element, elementErr := value[string](rec, "element")
					if err = cmp.Or(idErr, elementErr); err != nil {
						break
					}
					elements[id] = element
					created = append(created, id)
				}
				mu.Unlock()
				if err != nil {
					return err
				}
				return committed()
			})
		}
	}
	if err := parallel.Each(importWriters, writes); err != nil {
		return nil, err
	}

	if err := waitLinks(); err != nil {
		return nil, err
	}
	writes = writes[:0]
	for _, k := range buurtnet.LinkKinds {
		rows := a.linkCreates[k]
		for _, row := range rows {
			from, to := elements[row["from"].(string)], elements[row["to"].(string)]
			if from == "" || to == "" {
				return nil, fmt.Errorf("apply in batches: %s link %s %s: an end is not among the entities written", k, row["from"], row["to"])
			}
			row["from"], row["to"] = from, to
		}
		for part := range chunks(rows, batchedImport.rowsPerTx) {
			writes = append(writes, func() error {
				sent := sendRows(part, "props", "from", "to")
				cypher := `UNWIND $rows AS row
					MATCH (a) WHERE elementId(a) = row[0]
					MATCH (b) WHERE elementId(b) = row[1]
					CREATE (a)-[:` + mustRelType(k) + ` ` + sent.props + `]->(b)`
				_, err := writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
					s, err := execSummary(ctx, tx, cypher, sent.params)
					if err != nil {
						return struct{}{}, err
					}
					if got := s.Counters().RelationshipsCreated(); got != len(part) {
						return struct{}{}, fmt.Errorf("created %d of %d %s links: an end is missing", got, len(part), k)
					}
					return struct{}{}, nil
				})
				if err != nil {
					return err
				}
				return committed()
			})
		}
	}
	if err := parallel.Each(importWriters, writes); err != nil {
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
