package neo4j

import (
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/buurtnet/buurtnet"
)

// Snapshot returns the whole graph: entities sorted by id within their
// section, links by kind, from, to, all with their timestamps. The order is
// made in Go, comparing bytes, so that it is the SQLite store's exactly.
func (db *DB) Snapshot(ctx context.Context) (_ *buurtnet.Network, err error) {
	defer db.wrap(&err, "snapshot")
	// One read transaction: the entities and the links of one state.
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) (*buurtnet.Network, error) {
		// The whole graph streams, a record a row (see collectRows).
		rows, err := streamRows(ctx, tx, `MATCH (n:Node) RETURN n.kind AS kind, n.data AS data`, nil, "kind", "data")
		if err != nil {
			return nil, err
		}
		nodes, err := nodesOf(rows)
		if err != nil {
			return nil, err
		}
		sortNodes(nodes)
		n := &buurtnet.Network{}
		for _, node := range nodes {
			n.Add(node) // keeps the order within each section
		}
		if rows, err = streamRows(ctx, tx, `MATCH (:Node)-[r]->(:Node) RETURN `+linkColumns, nil, "kind", "props"); err != nil {
			return nil, err
		}
		if n.Links, err = linksOf(rows); err != nil {
			return nil, err
		}
		sortLinks(n.Links)
		return n, nil
	})
}

func sortNodes(ns []buurtnet.Node) {
	slices.SortFunc(ns, func(a, b buurtnet.Node) int { return strings.Compare(a.NodeID(), b.NodeID()) })
}
