package resolvers_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/storetest"
)

// TestRelationFields checks every relation field of the schema against the
// links the store holds: for each entity of the demo network, the field
// answers exactly the other ends of the entity's links of the field's kind,
// taken from the end the field stands at. A relation field given the wrong
// Direction answers the wrong end and fails here.
func TestRelationFields(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "buurtnet.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	network, err := demo.Network()
	require.NoError(t, err)
	storetest.Load(t, db, network)
	// The demo network has no contact persons, no organisation's seat and no
	// adjacent territories: add one of each, so that no field goes unchecked.
	first := func(k buurtnet.Kind, n int) []string {
		nodes, _, err := db.Find(ctx, buurtnet.NodeFilter{Kind: k, Limit: n})
		require.NoError(t, err)
		require.Len(t, nodes, n)
		return ids(nodes)
	}
	org, project, territories := first(buurtnet.KindOrganisation, 1)[0], first(buurtnet.KindProject, 1)[0], first(buurtnet.KindTerritory, 2)
	person := &buurtnet.Person{ID: "person:relations-test", Name: "Contact Persoon", Function: "coördinator"}
	require.NoError(t, db.CreateNode(ctx, person))
	for _, k := range []buurtnet.LinkKey{
		{Kind: buurtnet.LinkWorksAt, From: person.ID, To: org},
		{Kind: buurtnet.LinkContactFor, From: person.ID, To: project},
		{Kind: buurtnet.LinkLocatedIn, From: org, To: territories[0]},
		{Kind: buurtnet.LinkAdjacentTo, From: territories[1], To: territories[0]},
	} {
		require.NoError(t, db.CreateLink(ctx, &buurtnet.Link{LinkKey: k}), "%v", k)
	}
	// Contact persons are shown to signed-in callers only.
	tok, secret, err := buurtnet.NewToken("relations test", buurtnet.RoleViewer)
	require.NoError(t, err)
	require.NoError(t, db.CreateToken(ctx, tok))
	api := client.New(server.NewHandler(server.Config{Store: db}), client.Path("/query"), client.AddHeader("Authorization", "Bearer "+secret))

	const (
		from   = "from"   // the entity is the link's From; the field answers its To
		to     = "to"     // the entity is the link's To; the field answers its From
		either = "either" // a symmetric link: the field answers whichever end is not the entity
	)
	coordinator := func(l *buurtnet.Link) bool { return l.Role == buurtnet.RoleCoordinator }
	for _, tc := range []struct {
		kind  buurtnet.Kind // of the entity that has the field
		typ   string        // its GraphQL type
		field string
		other string // for a field of links: the field naming the link's other end
		link  buurtnet.LinkKind
		end   string
		keep  func(*buurtnet.Link) bool // nil keeps every link
	}{
		{buurtnet.KindOrganisation, "Organisation", "participations", "project", buurtnet.LinkParticipatesIn, from, nil},
		{buurtnet.KindOrganisation, "Organisation", "locatedIn", "", buurtnet.LinkLocatedIn, from, nil},
		{buurtnet.KindOrganisation, "Organisation", "serves", "", buurtnet.LinkServes, from, nil},
		{buurtnet.KindOrganisation, "Organisation", "contacts", "", buurtnet.LinkWorksAt, to, nil},
		{buurtnet.KindProject, "Project", "partners", "organisation", buurtnet.LinkParticipatesIn, to, nil},
		{buurtnet.KindProject, "Project", "coordinators", "", buurtnet.LinkParticipatesIn, to, coordinator},
		{buurtnet.KindProject, "Project", "territories", "territory", buurtnet.LinkActiveIn, from, nil},
		{buurtnet.KindProject, "Project", "fundings", "funder", buurtnet.LinkFunds, to, nil},
		{buurtnet.KindProject, "Project", "themes", "", buurtnet.LinkAddresses, from, nil},
		{buurtnet.KindProject, "Project", "targetGroups", "", buurtnet.LinkTargets, from, nil},
		{buurtnet.KindProject, "Project", "functions", "", buurtnet.LinkWorksOn, from, nil},
		{buurtnet.KindProject, "Project", "collaborations", "project", buurtnet.LinkCollaboratesWith, either, nil},
		{buurtnet.KindProject, "Project", "contacts", "", buurtnet.LinkContactFor, to, nil},
		{buurtnet.KindTerritory, "Territory", "partOf", "", buurtnet.LinkPartOf, from, nil},
		{buurtnet.KindTerritory, "Territory", "parts", "", buurtnet.LinkPartOf, to, nil},
		{buurtnet.KindTerritory, "Territory", "overlaps", "", buurtnet.LinkOverlaps, either, nil},
		{buurtnet.KindTerritory, "Territory", "adjacentTo", "", buurtnet.LinkAdjacentTo, either, nil},
		{buurtnet.KindTerritory, "Territory", "projects", "project", buurtnet.LinkActiveIn, to, nil},
		{buurtnet.KindFunder, "Funder", "fundings", "project", buurtnet.LinkFunds, from, nil},
		{buurtnet.KindTheme, "Theme", "projects", "", buurtnet.LinkAddresses, to, nil},
		{buurtnet.KindTargetGroup, "TargetGroup", "projects", "", buurtnet.LinkTargets, to, nil},
		{buurtnet.KindFunction, "Function", "projects", "", buurtnet.LinkWorksOn, to, nil},
		{buurtnet.KindPerson, "Person", "organisations", "", buurtnet.LinkWorksAt, from, nil},
		{buurtnet.KindPerson, "Person", "projects", "", buurtnet.LinkContactFor, from, nil},
	} {
		t.Run(tc.typ+"."+tc.field, func(t *testing.T) {
			links, err := db.Links(ctx, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{tc.link}})
			require.NoError(t, err)
			entities, _, err := db.Find(ctx, buurtnet.NodeFilter{Kind: tc.kind})
			require.NoError(t, err)
			selection := "{ id }"
			if tc.other != "" {
				selection = "{ " + tc.other + " { id } }"
			}
			query := fmt.Sprintf(`query($id: ID!) { node(id: $id) { ... on %s { %s %s } } }`, tc.typ, tc.field, selection)
			answered := 0
			for _, e := range entities {
				id := e.NodeID()
				want := []string{}
				for _, l := range links {
					if tc.keep != nil && !tc.keep(l) {
						continue
					}
					switch {
					case l.From == id && (tc.end == from || tc.end == either):
						want = append(want, l.To)
					case l.To == id && (tc.end == to || tc.end == either):
						want = append(want, l.From)
					}
				}
				got := relationIDs(t, api, query, id, tc.field, tc.other)
				assert.ElementsMatch(t, want, got, "%s of %s", tc.field, id)
				answered += len(got)
			}
			// A field the demo network never fills would pass without checking.
			assert.Positive(t, answered, "the demo network has no %s links for %s.%s", tc.link, tc.typ, tc.field)
		})
	}
}

// relationIDs asks one entity's relation field and returns the ids it
// answers: of the entities it lists, or of each link's other end.
func relationIDs(t *testing.T, api *client.Client, query, id, field, other string) []string {
	t.Helper()
	var out struct{ Node map[string][]map[string]any }
	require.NoError(t, api.Post(query, &out, client.Var("id", id)), "%s of %s", field, id)
	ids := []string{}
	for _, item := range out.Node[field] {
		if other != "" {
			item = item[other].(map[string]any)
		}
		ids = append(ids, item["id"].(string))
	}
	return ids
}

func ids(nodes []buurtnet.Node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.NodeID()
	}
	return out
}
