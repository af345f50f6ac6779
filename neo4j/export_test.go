package neo4j

import (
	"context"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Wipe deletes every entity and link (and the lock nodes) but keeps the
// schema and the (:SchemaVersion) node, so that the tests of package
// neo4j_test can hand out an empty store on Community Edition, which has
// one user database.
//
// It deletes in transactions of 10,000 nodes, which Neo4j runs only outside
// a transaction of the driver's: in one, a country's network (tier L, left
// by the scale benchmark) ran out of the server's transaction memory.
func (db *DB) Wipe(ctx context.Context) error {
	session := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.database, AccessMode: neo4j.AccessModeWrite, BookmarkManager: db.bookmarks})
	defer session.Close(ctx)
	res, err := session.Run(ctx, `MATCH (n) WHERE NOT n:SchemaVersion
		CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`, nil)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// Driver gives the tests the driver, to look at the schema.
func (db *DB) Driver() neo4j.DriverWithContext { return db.driver }

// Warnings collects the notifications the server sends about any statement
// from now on, as "code: description (statement)", but those about names
// an empty database does not know yet.
func Warnings() func() []string {
	var mu sync.Mutex
	var out []string
	seen := map[string]bool{}
	observe = func(cypher string, s neo4j.ResultSummary) {
		mu.Lock()
		defer mu.Unlock()
		for _, n := range s.Notifications() {
			if strings.Contains(n.Code(), ".Unknown") {
				continue // a label, type or property the (empty) database does not have yet
			}
			w := n.Code() + ": " + n.Description() + " (" + strings.Join(strings.Fields(cypher), " ") + ")"
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), out...)
	}
}

// LatestSchemaVersion is the number of the last migration.
var LatestSchemaVersion = migrations[len(migrations)-1].version

// BatchedImport makes every first import of at least minLinks links go in
// transactions of rowsPerTx rows, and calls committed after each batch
// (nil: nothing); it returns what sets them back.
func BatchedImport(minLinks, rowsPerTx int, committed func() error) (restore func()) {
	saved := batchedImport
	batchedImport.min, batchedImport.rowsPerTx = minLinks, rowsPerTx
	if committed != nil {
		batchedImport.committed = committed
	}
	return func() { batchedImport = saved }
}

// CollectRows gives the tests collectRows, in a read transaction.
func (db *DB) CollectRows(ctx context.Context, cypher string, columns ...string) ([][]any, error) {
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) ([][]any, error) {
		return collectRows(ctx, tx, cypher, nil, columns...)
	})
}
