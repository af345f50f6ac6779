package export

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/buurtnet/buurtnet"
)

// GEXF 1.2 (gexf.net) is Gephi's own format. Version 1.2 rather than 1.3
// because more readers take it (networkx, sigma.js, Cytoscape's plugin).
// Edges are directed as in GraphML, for the same reason (see graphml.go).

type gexfDoc struct {
	XMLName xml.Name  `xml:"gexf"`
	XMLNS   string    `xml:"xmlns,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	Mode            string           `xml:"mode,attr"`
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID        string     `xml:"id,attr"`
	Label     string     `xml:"label,attr"`
	AttValues []gexfAttV `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID        string     `xml:"id,attr"`
	Source    string     `xml:"source,attr"`
	Target    string     `xml:"target,attr"`
	Label     string     `xml:"label,attr"`
	AttValues []gexfAttV `xml:"attvalues>attvalue"`
}

type gexfAttV struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// WriteGEXF writes the network as GEXF; labels are in lang. An edge's label
// is its kind, so Gephi can show and filter by it at once.
func WriteGEXF(w io.Writer, n *buurtnet.Network, lang buurtnet.Lang) error {
	g := gexfGraph{Mode: "static", DefaultEdgeType: "directed"}
	nodeClass := gexfAttributes{Class: "node"}
	for _, a := range nodeAttributes {
		if a != "label" { // GEXF has a label attribute of its own
			nodeClass.Attributes = append(nodeClass.Attributes, gexfAttribute{ID: a, Title: a, Type: "string"})
		}
	}
	edgeClass := gexfAttributes{Class: "edge"}
	for _, a := range edgeAttributes {
		edgeClass.Attributes = append(edgeClass.Attributes, gexfAttribute{ID: a, Title: a, Type: edgeAttributeType(a)})
	}
	g.Attributes = []gexfAttributes{nodeClass, edgeClass}
	for _, node := range n.Nodes() {
		gn := gexfNode{ID: node.NodeID(), Label: node.Names().In(lang)}
		for _, kv := range nodeValues(node, lang) {
			if kv[0] != "label" {
				gn.AttValues = append(gn.AttValues, gexfAttV{For: kv[0], Value: kv[1]})
			}
		}
		g.Nodes = append(g.Nodes, gn)
	}
	for i, l := range n.Links {
		e := gexfEdge{ID: fmt.Sprint(i), Source: l.From, Target: l.To, Label: string(l.Kind)}
		for _, kv := range linkValues(l) {
			e.AttValues = append(e.AttValues, gexfAttV{For: kv[0], Value: kv[1]})
		}
		g.Edges = append(g.Edges, e)
	}
	return writeXML(w, gexfDoc{
		XMLNS: "http://www.gexf.net/1.2draft", Version: "1.2",
		Meta:  gexfMeta{Creator: "buurtnet", Description: "Neighbourhood health and welfare partnerships"},
		Graph: g,
	})
}
