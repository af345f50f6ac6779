package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
	"github.com/buurtnet/buurtnet/briefing/briefingtest"
	"github.com/buurtnet/buurtnet/export"
)

// What the tests read back: the generic shape of each format, declared here
// on purpose instead of reusing the writer's structs.
type (
	graphmlFile struct {
		Keys  []struct{ ID, For string } `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	gexfFile struct {
		Version string `xml:"version,attr"`
		Graph   struct {
			Nodes []struct {
				ID        string `xml:"id,attr"`
				Label     string `xml:"label,attr"`
				AttValues []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source    string `xml:"source,attr"`
				Target    string `xml:"target,attr"`
				Label     string `xml:"label,attr"`
				AttValues []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
)

func exportNetwork(t *testing.T, store buurtnet.Store, p export.Params) []byte {
	t.Helper()
	r, err := export.ParseRequest("network", p)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, r.Write(context.Background(), store, &buf))
	return buf.Bytes()
}

func TestGraphML(t *testing.T) {
	db := briefingtest.DemoStore(t)
	snap, err := db.Snapshot(context.Background())
	require.NoError(t, err)
	out := exportNetwork(t, db, export.Params{Format: "graphml"})
	briefingtest.Golden(t, "network-demo.graphml", out)

	var g graphmlFile
	require.NoError(t, xml.Unmarshal(out, &g))
	assert.Equal(t, "directed", g.Graph.EdgeDefault)
	require.Len(t, g.Graph.Nodes, len(snap.Nodes()))
	require.Len(t, g.Graph.Edges, len(snap.Links))
	data := func(ds []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}) map[string]string {
		m := map[string]string{}
		for _, d := range ds {
			m[d.Key] = d.Value
		}
		return m
	}
	for i, node := range snap.Nodes() {
		got := data(g.Graph.Nodes[i].Data)
		assert.Equal(t, node.NodeID(), g.Graph.Nodes[i].ID)
		assert.Equal(t, string(node.NodeKind()), got["n_kind"])
		assert.Equal(t, node.Names().In(buurtnet.NL), got["n_label"])
	}
	for i, l := range snap.Links {
		e := g.Graph.Edges[i]
		assert.Equal(t, [3]string{string(l.Kind), l.From, l.To}, [3]string{data(e.Data)["e_kind"], e.Source, e.Target})
		assert.Equal(t, l.Kind.Symmetric(), data(e.Data)["e_symmetric"] == "true", "symmetric links say so")
	}
}

func TestGEXF(t *testing.T) {
	db := briefingtest.DemoStore(t)
	snap, err := db.Snapshot(context.Background())
	require.NoError(t, err)
	out := exportNetwork(t, db, export.Params{Format: "gexf", Lang: "fr"})

	var g gexfFile
	require.NoError(t, xml.Unmarshal(out, &g))
	assert.Equal(t, "1.2", g.Version)
	require.Len(t, g.Graph.Nodes, len(snap.Nodes()))
	require.Len(t, g.Graph.Edges, len(snap.Links))
	for i, node := range snap.Nodes() {
		assert.Equal(t, node.NodeID(), g.Graph.Nodes[i].ID)
		assert.Equal(t, node.Names().In(buurtnet.FR), g.Graph.Nodes[i].Label)
		assert.Equal(t, "kind", g.Graph.Nodes[i].AttValues[0].For)
		assert.Equal(t, string(node.NodeKind()), g.Graph.Nodes[i].AttValues[0].Value)
	}
	for i, l := range snap.Links {
		e := g.Graph.Edges[i]
		assert.Equal(t, [3]string{string(l.Kind), l.From, l.To}, [3]string{e.Label, e.Source, e.Target})
		assert.Equal(t, l.Kind.Symmetric(), len(e.AttValues) > 1 && e.AttValues[1].For == "symmetric")
	}
}

// TestNetworkDocuments reads the JSON and YAML exports back as the import
// side will: into buurtnet.Network, equal to the store's snapshot.
func TestNetworkDocuments(t *testing.T) {
	db := briefingtest.DemoStore(t)
	snap, err := db.Snapshot(context.Background())
	require.NoError(t, err)

	var fromJSON buurtnet.Network
	require.NoError(t, json.Unmarshal(exportNetwork(t, db, export.Params{Format: "json"}), &fromJSON))
	assert.Equal(t, snap.Nodes(), fromJSON.Nodes(), "entities, stamps included")
	assert.Equal(t, snap.Links, fromJSON.Links)

	fromYAML, err := buurtnet.ReadNetworkYAML(exportNetwork(t, db, export.Params{Format: "yaml"}))
	require.NoError(t, err, "the strict reader of hand-edited files accepts it")
	require.Len(t, fromYAML.Nodes(), len(snap.Nodes()))
	require.Len(t, fromYAML.Links, len(snap.Links))
	assert.Equal(t, snap.Projects[0].Name, fromYAML.Projects[0].Name)
	assert.Equal(t, snap.Links[0].LinkKey, fromYAML.Links[0].LinkKey)
	require.NoError(t, fromYAML.Validate(nil), "a whole network: every link's ends are in it")
}

// TestNetworkScoped cuts the network to a briefing's scope.
func TestNetworkScoped(t *testing.T) {
	db := briefingtest.DemoStore(t)
	var full, scoped graphmlFile
	require.NoError(t, xml.Unmarshal(exportNetwork(t, db, export.Params{Format: "graphml"}), &full))
	out := exportNetwork(t, db, export.Params{Format: "graphml", Territory: "brabantwijk"})
	require.NoError(t, xml.Unmarshal(out, &scoped))

	assert.Less(t, len(scoped.Graph.Nodes), len(full.Graph.Nodes))
	ids := map[string]bool{}
	for _, n := range scoped.Graph.Nodes {
		ids[n.ID] = true
	}
	for _, id := range []string{"territory:brabantwijk", "project:boost", "project:citisen", "org:brusano", "funder:ggc"} {
		assert.True(t, ids[id], id)
	}
	assert.False(t, ids["project:zoom-seniors"], "not working in Brabantwijk")
	for _, e := range scoped.Graph.Edges {
		assert.True(t, ids[e.Source] && ids[e.Target], "no edge leaves the cut: %s → %s", e.Source, e.Target)
	}

	network, err := db.Snapshot(context.Background())
	require.NoError(t, err)
	b := briefingtest.Build(t, db, briefing.Scope{Territory: "brabantwijk"}, buurtnet.NL)
	sub := export.Subgraph(network, b)
	require.NoError(t, sub.Validate(nil), "a network document of its own")
}

// TestNetworkPersons: a network export holds contact persons only for a
// caller the API shows them to (Actor.MayRead), in every format, whole or
// cut to a territory.
func TestNetworkPersons(t *testing.T) {
	db := briefingtest.DemoStore(t)
	ctx := context.Background()
	require.NoError(t, db.CreateNode(ctx, &buurtnet.Person{ID: "person:contact", Name: "Voorbeeld Contactpersoon", Email: "contact@voorbeeld.example"}))
	require.NoError(t, db.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkContactFor, From: "person:contact", To: "project:citisen"}}))
	for _, a := range []buurtnet.Actor{buurtnet.Anonymous, {Name: "viewer", Role: buurtnet.RoleViewer}} {
		shown := a.MayRead(buurtnet.KindPerson) == nil
		for _, format := range export.Formats[export.SubjectNetwork] {
			for _, territory := range []string{"", "brabantwijk"} {
				r, err := export.ParseRequest("network", export.Params{Format: string(format), Territory: territory})
				require.NoError(t, err)
				var buf bytes.Buffer
				require.NoError(t, r.Write(buurtnet.WithActor(ctx, a), db, &buf))
				assert.Equal(t, shown, bytes.Contains(buf.Bytes(), []byte("person:contact")), "%s, %s, territory %q", a.Name, format, territory)
				assert.Equal(t, shown, bytes.Contains(buf.Bytes(), []byte("Voorbeeld Contactpersoon")), "%s, %s, territory %q", a.Name, format, territory)
			}
		}
	}
}
