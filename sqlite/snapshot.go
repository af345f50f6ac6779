package sqlite

import (
	"context"

	"github.com/buurtnet/buurtnet"
)

// Snapshot returns the whole graph: entities sorted by id within their
// section, links by kind, from, to, all with their timestamps.
func (db *DB) Snapshot(ctx context.Context) (_ *buurtnet.Network, err error) {
	defer db.wrap(ctx, &err, "snapshot")
	// One read transaction: the entities and the links of one state.
	tx, err := db.read(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	nodes, err := queryNodes(ctx, tx, `SELECT kind, data FROM nodes ORDER BY id`)
	if err != nil {
		return nil, err
	}
	n := &buurtnet.Network{}
	for _, node := range nodes {
		n.Add(node) // keeps the order within each section
	}
	if n.Links, err = queryLinks(ctx, tx, `SELECT `+linkColumns+` FROM links ORDER BY kind, from_id, to_id`); err != nil {
		return nil, err
	}
	return n, nil
}
