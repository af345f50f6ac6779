package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/storekit"
)

// profilesQuery selects the projects asked for — all of them, those with
// one of $ids, those active in one of $territories — and, in the same
// query, every link of a profile kind (buurtnet.ProfileLinkKinds) touching
// each: the ACTIVE_IN links it starts and the PARTICIPATES_IN and FUNDS
// links it ends, whole; of the tags (ADDRESSES, TARGETS, WORKS_ON) and the
// collaborations (stored either way round) only the far end, which is all
// a profile keeps of them. Only the branches asked for are in the
// statement: a branch switched off by a parameter would still be planned,
// and could still scan.
func profilesQuery(q buurtnet.ProfileQuery) string {
	var match string
	switch {
	case q.All:
		match = `MATCH (p:Project)`
	case len(q.IDs) > 0 && len(q.Territories) > 0:
		match = `CALL () {
			MATCH (p:Node) WHERE p.id IN $ids AND p:Project RETURN p
			UNION
			MATCH (t:Node)<-[:ACTIVE_IN]-(p:Project) WHERE t.id IN $territories RETURN p
		}`
	case len(q.IDs) > 0:
		match = `MATCH (p:Node) WHERE p.id IN $ids AND p:Project`
	default:
		match = `MATCH (t:Node)<-[:ACTIVE_IN]-(p:Project) WHERE t.id IN $territories WITH DISTINCT p`
	}
	return match + `
	RETURN p.id AS id, p.data AS data,
		[(p)-[r:ACTIVE_IN]->(:Node) | [type(r), properties(r)]] + [(p)<-[r:PARTICIPATES_IN|FUNDS]-(:Node) | [type(r), properties(r)]] AS links,
		[(p)-[r:ADDRESSES|TARGETS|WORKS_ON]->(o:Node) | [type(r), o.id]] AS tags,
		[(p)-[:COLLABORATES_WITH]-(o:Node) | o.id] AS collaborators`
}

// Profiles returns the profile of every project matched by q, in one query
// whatever the number of projects: the analyses load hundreds of profiles
// at once, and a query per project would dominate their time.
func (db *DB) Profiles(ctx context.Context, q buurtnet.ProfileQuery) (_ []*buurtnet.ProjectProfile, err error) {
	defer db.wrap(&err, "profiles")
	if !q.All && len(q.IDs) == 0 && len(q.Territories) == 0 {
		return []*buurtnet.ProjectProfile{}, nil
	}
	params := map[string]any{"all": q.All, "ids": storekit.Distinct(q.IDs), "territories": storekit.Distinct(q.Territories)}
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) ([]*buurtnet.ProjectProfile, error) {
		rows, err := collectRows(ctx, tx, profilesQuery(q), params, "id", "data", "links", "tags", "collaborators")
		if err != nil {
			return nil, err
		}
		projects := make([]*buurtnet.Project, 0, len(rows))
		var links []*buurtnet.Link
		// A collaboration between two selected projects comes with each:
		// keep it once, as BuildProfiles expects.
		collaborations := map[buurtnet.LinkKey]bool{}
		for _, row := range rows {
			id, _ := row[0].(string)
			n, err := decodeRow(string(buurtnet.KindProject), row[1])
			if err != nil {
				return nil, err
			}
			projects = append(projects, n.(*buurtnet.Project))
			whole, okWhole := row[2].([]any)
			tags, okTags := row[3].([]any)
			others, okOthers := row[4].([]any)
			if id == "" || !okWhole || !okTags || !okOthers {
				return nil, fmt.Errorf("profiles: unexpected row %v", row)
			}
			for _, x := range whole {
				pair, _ := x.([]any)
				if len(pair) != 2 {
					return nil, fmt.Errorf("profiles: unexpected link %v", x)
				}
				kind, _ := pair[0].(string)
				props, _ := pair[1].(map[string]any)
				l, err := linkOf(kind, props)
				if err != nil {
					return nil, err
				}
				links = append(links, l)
			}
			for _, x := range tags {
				pair, _ := x.([]any)
				if len(pair) != 2 {
					return nil, fmt.Errorf("profiles: unexpected tag %v", x)
				}
				kind, _ := pair[0].(string)
				to, _ := pair[1].(string)
				links = append(links, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkKind(kind), From: id, To: to}})
			}
			for _, x := range others {
				other, _ := x.(string)
				k := buurtnet.LinkKey{Kind: buurtnet.LinkCollaboratesWith, From: id, To: other}.Normalized()
				if !collaborations[k] {
					collaborations[k] = true
					links = append(links, &buurtnet.Link{LinkKey: k})
				}
			}
		}
		return buurtnet.BuildProfiles(projects, links), nil
	})
}
