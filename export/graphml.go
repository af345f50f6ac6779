package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// GraphML (graphml.graphdrawing.org) is read by yEd, Gephi and Cytoscape.
// Every entity is a node with its kind and names as data; every link an
// edge with its kind and properties. Every edge is directed, as stored:
// marking the symmetric links (OVERLAPS, ADJACENT_TO, COLLABORATES_WITH)
// undirected would make a mixed graph, which Gephi reads but networkx and
// igraph refuse; the "symmetric" attribute says it instead.

type gmlDoc struct {
	XMLName xml.Name `xml:"graphml"`
	XMLNS   string   `xml:"xmlns,attr"`
	XSI     string   `xml:"xmlns:xsi,attr"`
	Schema  string   `xml:"xsi:schemaLocation,attr"`
	Keys    []gmlKey `xml:"key"`
	Graph   gmlGraph `xml:"graph"`
}

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// WriteGraphML writes the network as GraphML; labels are in lang.
func WriteGraphML(w io.Writer, n *buurtnet.Network, lang buurtnet.Lang) error {
	doc := gmlDoc{
		XMLNS:  "http://graphml.graphdrawing.org/xmlns",
		XSI:    "http://www.w3.org/2001/XMLSchema-instance",
		Schema: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Graph:  gmlGraph{ID: "buurtnet", EdgeDefault: "directed"},
	}
	for _, a := range nodeAttributes {
		doc.Keys = append(doc.Keys, gmlKey{ID: "n_" + a, For: "node", Name: a, Type: "string"})
	}
	for _, a := range edgeAttributes {
		doc.Keys = append(doc.Keys, gmlKey{ID: "e_" + a, For: "edge", Name: a, Type: edgeAttributeType(a)})
	}
	for _, node := range n.Nodes() {
		gn := gmlNode{ID: node.NodeID()}
		for _, kv := range nodeValues(node, lang) {
			gn.Data = append(gn.Data, gmlData{Key: "n_" + kv[0], Value: kv[1]})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	for i, l := range n.Links {
		e := gmlEdge{ID: fmt.Sprintf("e%d", i), Source: l.From, Target: l.To}
		for _, kv := range linkValues(l) {
			e.Data = append(e.Data, gmlData{Key: "e_" + kv[0], Value: kv[1]})
		}
		doc.Graph.Edges = append(doc.Graph.Edges, e)
	}
	return writeXML(w, doc)
}

// The attributes both graph formats carry. "label" is what Gephi and
// Cytoscape show on a node by default.
var (
	nodeAttributes = []string{"kind", "label", "name_nl", "name_fr", "name_en"}
	edgeAttributes = []string{"kind", "symmetric", "role", "level", "coverage", "territory_roles", "start", "end", "amount"}
)

// edgeAttributeType is the GraphML / GEXF type of an edge attribute.
func edgeAttributeType(a string) string {
	switch a {
	case "amount":
		return "double"
	case "symmetric":
		return "boolean"
	}
	return "string"
}

// nodeValues returns the node's non-empty attributes, in nodeAttributes order.
func nodeValues(node buurtnet.Node, lang buurtnet.Lang) [][2]string {
	names := node.Names()
	return nonEmpty([][2]string{
		{"kind", string(node.NodeKind())}, {"label", names.In(lang)},
		{"name_nl", names.NL}, {"name_fr", names.FR}, {"name_en", names.EN},
	})
}

// linkValues returns the link's non-empty attributes, in edgeAttributes order.
func linkValues(l *buurtnet.Link) [][2]string {
	amount := ""
	if l.Amount != nil {
		amount = l.Amount.String()
	}
	symmetric := ""
	if l.Kind.Symmetric() {
		symmetric = "true" // absent means false: most links have a direction
	}
	// Roles space-separated: both formats have no list type Gephi and
	// Cytoscape read, and a role value holds no space.
	roles := make([]string, len(l.TerritoryRoles))
	for i, r := range l.TerritoryRoles {
		roles[i] = string(r)
	}
	return nonEmpty([][2]string{
		{"kind", string(l.Kind)}, {"symmetric", symmetric}, {"role", string(l.Role)}, {"level", string(l.Level)}, {"coverage", string(l.Coverage)},
		{"territory_roles", strings.Join(roles, " ")},
		{"start", l.Period.Start.String()}, {"end", l.Period.End.String()}, {"amount", amount},
	})
}

func nonEmpty(kvs [][2]string) [][2]string {
	out := kvs[:0]
	for _, kv := range kvs {
		if kv[1] != "" {
			out = append(out, kv)
		}
	}
	return out
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
