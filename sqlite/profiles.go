package sqlite

import (
	"context"
	"database/sql"

	"github.com/buurtnet/buurtnet"
)

// Profiles returns the profile of every project matched by q, in two
// queries whatever the number of projects: the projects, then every link of
// a profile kind touching one of them. The analyses load hundreds of
// profiles at once; a query per project would dominate their time.
func (db *DB) Profiles(ctx context.Context, q buurtnet.ProfileQuery) (_ []*buurtnet.ProjectProfile, err error) {
	defer db.wrap(ctx, &err, "profiles")
	if !q.All && len(q.IDs) == 0 && len(q.Territories) == 0 {
		return []*buurtnet.ProjectProfile{}, nil
	}
	tx, err := db.read(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	kinds := jsonList(buurtnet.ProfileLinkKinds)
	// All: nearly every link is wanted, so read the table straight through
	// rather than along the index on kind and back to each row.
	projectsQuery := `SELECT kind, data FROM nodes WHERE kind = 'project'`
	linksQuery := `SELECT ` + linkColumns + ` FROM links NOT INDEXED WHERE ` + inList("kind")
	var args, linkArgs []any
	linkArgs = []any{kinds}
	if !q.All {
		// selected is the projects asked for, shared by both queries. CROSS
		// JOIN walks from the ids given along the primary key and the index
		// on to_id, rather than through every project or ACTIVE_IN link.
		selected := `WITH selected(id) AS (
			SELECT n.id FROM json_each(?) j CROSS JOIN nodes n ON n.id = j.value WHERE n.kind = 'project'
			UNION
			SELECT a.from_id FROM json_each(?) j CROSS JOIN links a ON a.to_id = j.value AND a.kind = 'ACTIVE_IN'
		) `
		args = []any{jsonList(q.IDs), jsonList(q.Territories)}
		projectsQuery = selected + `SELECT kind, data FROM nodes WHERE id IN (SELECT id FROM selected)`
		// The links starting at a selected project (ACTIVE_IN, tags,
		// collaborations), then those ending at one and not found already
		// (participations, fundings, collaborations): two halves that each
		// use an index, where "from OR to" would read the whole table.
		linksQuery = selected + `
			SELECT ` + linkColumns + ` FROM links WHERE from_id IN (SELECT id FROM selected) AND ` + inList("kind") + `
			UNION ALL
			SELECT ` + linkColumns + ` FROM links WHERE to_id IN (SELECT id FROM selected) AND ` + inList("kind") + `
				AND from_id NOT IN (SELECT id FROM selected)`
		linkArgs = append(args, kinds, kinds)
	}

	nodes, err := queryNodes(ctx, tx, projectsQuery, args...)
	if err != nil {
		return nil, err
	}
	projects := make([]*buurtnet.Project, 0, len(nodes))
	for _, n := range nodes {
		projects = append(projects, n.(*buurtnet.Project))
	}
	links, err := queryProfileLinks(ctx, tx, linksQuery, linkArgs...)
	if err != nil {
		return nil, err
	}
	return buurtnet.BuildProfiles(projects, links), nil
}

// keyOnly are the kinds of link a profile keeps only the far end of (a
// theme, a target group, a function, a collaborator): their data is not
// decoded, which halves the work of loading many profiles.
var keyOnly = map[buurtnet.LinkKind]bool{
	buurtnet.LinkAddresses: true, buurtnet.LinkTargets: true, buurtnet.LinkWorksOn: true, buurtnet.LinkCollaboratesWith: true,
}

// queryProfileLinks runs a query selecting linkColumns.
func queryProfileLinks(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]*buurtnet.Link, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*buurtnet.Link
	for rows.Next() {
		var key buurtnet.LinkKey
		var data, createdAt, updatedAt sql.RawBytes // only decoded when needed, and then not kept
		if err := rows.Scan(&key.Kind, &key.From, &key.To, &data, &createdAt, &updatedAt); err != nil {
			return nil, err
		}
		if keyOnly[key.Kind] {
			out = append(out, &buurtnet.Link{LinkKey: key})
			continue
		}
		l, err := decodeLink(key, data, string(createdAt), string(updatedAt))
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
