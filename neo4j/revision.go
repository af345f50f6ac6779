package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Revision returns the audit counter: every write bumps it in its own
// transaction (writeAudit), so it grows with every write, by this process or
// another one.
func (db *DB) Revision(ctx context.Context) (_ int64, err error) {
	defer db.wrap(&err, "revision")
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) (int64, error) {
		recs, err := collect(ctx, tx, `OPTIONAL MATCH (c:Counter {name: 'audit'}) RETURN coalesce(c.value, 0) AS value`, nil)
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		return value[int64](recs[0], "value")
	})
}
