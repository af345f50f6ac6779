package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/buurtnet/buurtnet"
)

// fillBatch is the number of nodes or relationships rewritten per
// transaction by a migration: small enough for a modest heap, large enough
// that a region migrates in seconds.
const fillBatch = 2000

// fillProperties is migration 4. Up to version 3 the store kept each entity
// and each link as JSON in a data property, next to a few properties for
// filtering. It rewrites every node with all of nodeProps (data stays, as
// the entity's exact copy), and every relationship with linkProps, which
// replaces its data. Cypher has no JSON parser (without APOC), so the rows
// are read, decoded and written back from Go, a batch per transaction,
// walking the id (and key) indexes in order so that each batch starts
// where the last ended. Rewriting an already migrated row changes nothing.
func fillProperties(ctx context.Context, db *DB) error {
	after := ""
	for {
		last, err := writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (string, error) {
			recs, err := collect(ctx, tx, `
				MATCH (n:Node) WHERE n.id > $after
				RETURN n.id AS id, n.kind AS kind, n.data AS data ORDER BY n.id LIMIT $limit`,
				map[string]any{"after": after, "limit": fillBatch})
			if err != nil || len(recs) == 0 {
				return "", err
			}
			rows := make([]map[string]any, 0, len(recs))
			for _, rec := range recs {
				kind, _ := rec.Get("kind")
				data, _ := rec.Get("data")
				n, err := decodeRow(kind, data)
				if err != nil {
					return "", err
				}
				props, err := nodeProps(n)
				if err != nil {
					return "", err
				}
				rows = append(rows, props)
			}
			if err := exec(ctx, tx, `UNWIND $rows AS row MATCH (n:Node {id: row.id}) SET n = row`, map[string]any{"rows": rows}); err != nil {
				return "", err
			}
			return rows[len(rows)-1]["id"].(string), nil
		})
		if err != nil {
			return fmt.Errorf("nodes after %q: %w", after, err)
		}
		if last == "" {
			break
		}
		after = last
	}

	for _, k := range buurtnet.LinkKinds {
		rel := mustRelType(k)
		after := ""
		for {
			last, err := writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (string, error) {
				recs, err := collect(ctx, tx, `
					MATCH ()-[r:`+rel+`]->() WHERE r.key > $after
					RETURN r.key AS key, r.data AS data ORDER BY r.key LIMIT $limit`,
					map[string]any{"after": after, "limit": fillBatch})
				if err != nil || len(recs) == 0 {
					return "", err
				}
				rows := make([]map[string]any, 0, len(recs))
				for _, rec := range recs {
					key, err := value[string](rec, "key")
					if err != nil {
						return "", err
					}
					data, err := value[string](rec, "data") // "" once migrated
					if err != nil {
						return "", err
					}
					if data == "" {
						continue
					}
					l, err := decodeLink(data)
					if err != nil {
						return "", fmt.Errorf("%s %s: %w", rel, key, err)
					}
					rows = append(rows, map[string]any{"key": key, "props": linkProps(l)})
				}
				if err := exec(ctx, tx, `UNWIND $rows AS row MATCH ()-[r:`+rel+` {key: row.key}]->() SET r = row.props`,
					map[string]any{"rows": rows}); err != nil {
					return "", err
				}
				return value[string](recs[len(recs)-1], "key")
			})
			if err != nil {
				return fmt.Errorf("%s links after %q: %w", rel, after, err)
			}
			if last == "" {
				break
			}
			after = last
		}
	}
	return nil
}
