package buurtnet

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/buurtnet/buurtnet/internal/parallel"
)

// Network is the whole graph as one document: the demo network, an import
// file, an export. Entities come in the order they can be loaded in.
type Network struct {
	Territories   []*Territory    `json:"territories,omitempty" yaml:"territories,omitempty"`
	Themes        []*Term         `json:"themes,omitempty" yaml:"themes,omitempty"`
	TargetGroups  []*Term         `json:"targetGroups,omitempty" yaml:"targetGroups,omitempty"`
	Functions     []*Term         `json:"functions,omitempty" yaml:"functions,omitempty"`
	Funders       []*Funder       `json:"funders,omitempty" yaml:"funders,omitempty"`
	Organisations []*Organisation `json:"organisations,omitempty" yaml:"organisations,omitempty"`
	Projects      []*Project      `json:"projects,omitempty" yaml:"projects,omitempty"`
	// Persons are contact persons: personal data, never in the demo network
	// nor in an export for anonymous readers.
	Persons []*Person `json:"persons,omitempty" yaml:"persons,omitempty"`
	// Consultations, their yearly cycles and their meetings.
	Consultations []*Consultation `json:"consultations,omitempty" yaml:"consultations,omitempty"`
	Cycles        []*Cycle        `json:"cycles,omitempty" yaml:"cycles,omitempty"`
	Meetings      []*Meeting      `json:"meetings,omitempty" yaml:"meetings,omitempty"`
	Links         []*Link         `json:"links,omitempty" yaml:"links,omitempty"`
}

// Nodes returns every entity of the network, in loading order, with each
// term's Kind set from the section it is in.
func (n *Network) Nodes() []Node {
	out := appendNodes(nil, n.Territories)
	for _, section := range []struct {
		terms []*Term
		kind  Kind
	}{{n.Themes, KindTheme}, {n.TargetGroups, KindTargetGroup}, {n.Functions, KindFunction}} {
		for _, t := range section.terms {
			if t != nil {
				t.Kind = section.kind
				out = append(out, t)
			}
		}
	}
	out = appendNodes(out, n.Funders)
	out = appendNodes(out, n.Organisations)
	out = appendNodes(out, n.Projects)
	out = appendNodes(out, n.Persons)
	out = appendNodes(out, n.Consultations)
	out = appendNodes(out, n.Cycles)
	out = appendNodes(out, n.Meetings)
	return out
}

// appendNodes appends the entities of one kind's list, skipping the nil
// entries a hand-written document may hold.
func appendNodes[E any, P interface {
	*E
	Node
}](out []Node, xs []P) []Node {
	for _, x := range xs {
		if x != nil {
			out = append(out, x)
		}
	}
	return out
}

// Add puts an entity in its section.
func (n *Network) Add(node Node) {
	switch v := node.(type) {
	case *Territory:
		n.Territories = append(n.Territories, v)
	case *Funder:
		n.Funders = append(n.Funders, v)
	case *Organisation:
		n.Organisations = append(n.Organisations, v)
	case *Project:
		n.Projects = append(n.Projects, v)
	case *Person:
		n.Persons = append(n.Persons, v)
	case *Consultation:
		n.Consultations = append(n.Consultations, v)
	case *Cycle:
		n.Cycles = append(n.Cycles, v)
	case *Meeting:
		n.Meetings = append(n.Meetings, v)
	case *Term:
		switch v.Kind {
		case KindTheme:
			n.Themes = append(n.Themes, v)
		case KindTargetGroup:
			n.TargetGroups = append(n.TargetGroups, v)
		case KindFunction:
			n.Functions = append(n.Functions, v)
		}
	}
}

// Validate checks every entity and link on its own and that every link's
// ends are in the network or among known (ids already stored). Errors name
// the entity ("project[project:boost].period.end") so a facilitator can
// find the line.
func (n *Network) Validate(known map[string]bool) error {
	nodes := n.Nodes()
	// Each entity and link is checked on its own on every core (a region's
	// import holds 170,000); what depends on the others is checked after,
	// in the order of the file, so that the first problem is the one named.
	nodeErrs := parallel.Errors(len(nodes), func(i int) error { return nodes[i].Validate() })
	ids := make(map[string]bool, len(nodes))
	for i, node := range nodes {
		if err := parallel.At(nodeErrs, i); err != nil {
			return inEntity(node.NodeKind(), node.NodeID(), err)
		}
		if ids[node.NodeID()] {
			return FieldError(EINVALID, node.NodeID(), "the id %q is used twice", node.NodeID())
		}
		ids[node.NodeID()] = true
	}
	for _, m := range n.Meetings {
		if m == nil {
			continue
		}
		if err := m.CheckReferences(func(id string) bool { return ids[id] || known[id] }); err != nil {
			return inEntity(KindMeeting, m.ID, err)
		}
	}
	// A link's ends are looked up on every core too: the ids are all known
	// by now, and a region's 280,000 look-ups took 40 ms on one.
	linkErrs := parallel.Errors(len(n.Links), func(i int) error {
		l := n.Links[i]
		if err := l.Validate(); err != nil {
			return inEntity("links", fmt.Sprint(i), err)
		}
		for _, end := range []string{l.From, l.To} {
			if !ids[end] && !known[end] {
				return FieldError(ENOTFOUND, fmt.Sprintf("links[%d]", i), "%s %s → %s: %q does not exist", l.Kind, l.From, l.To, end)
			}
		}
		return nil
	})
	keys := make(map[LinkKey]bool, len(n.Links))
	single := map[LinkKey]string{} // kind and from → the to of its single link
	for i, l := range n.Links {
		where := func() string { return fmt.Sprintf("links[%d]", i) }
		if err := parallel.At(linkErrs, i); err != nil {
			return err
		}
		if keys[l.LinkKey] {
			return FieldError(ECONFLICT, where(), "%s %s → %s is listed twice", l.Kind, l.From, l.To)
		}
		keys[l.LinkKey] = true
		if l.Kind.Single() {
			one := LinkKey{Kind: l.Kind, From: l.From}
			if err := CheckSingle(l.LinkKey, single[one], where()); err != nil {
				return err
			}
			single[one] = l.To
		}
	}
	return nil
}

// Outside returns the ids that links and meetings of n name but n does not
// hold: a store looks them up before Validate, as its known ids.
func (n *Network) Outside() []string {
	in := map[string]bool{}
	for _, node := range n.Nodes() {
		in[node.NodeID()] = true
	}
	var out []string
	add := func(id string) {
		if !in[id] {
			in[id] = true // once is enough
			out = append(out, id)
		}
	}
	for _, l := range n.Links {
		if l != nil {
			add(l.From)
			add(l.To)
		}
	}
	for _, m := range n.Meetings {
		if m != nil {
			for _, id := range m.References() {
				add(id)
			}
		}
	}
	return out
}

func inEntity(section Kind, id string, err error) error {
	e, ok := err.(*Error)
	if !ok {
		return err
	}
	return &Error{Code: e.Code, Field: fmt.Sprintf("%s[%s].%s", section, id, e.Field), Message: e.Message}
}

// ReadNetworkYAML parses a network document. Unknown fields are errors, so a
// misspelt key in a hand-edited file is reported rather than ignored.
func ReadNetworkYAML(b []byte) (*Network, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var n Network
	if err := dec.Decode(&n); err != nil {
		return nil, &Error{Code: EINVALID, Field: "file", Message: fmt.Sprintf("not a valid network document: %v", err)}
	}
	n.Nodes() // sets each term's kind from its section
	return &n, nil
}

// ReadableBy returns n as the actor may read it (Actor.MayRead): for a
// caller who is not signed in, without contact persons and their links.
func (n *Network) ReadableBy(a Actor) *Network {
	if a.MayRead(KindPerson) == nil {
		return n
	}
	return n.WithoutPersons()
}

// WithoutPersons returns a copy of n without contact persons and their
// links: what may be shown to a reader who is not signed in.
func (n *Network) WithoutPersons() *Network {
	c := *n
	c.Persons = nil
	c.Meetings = make([]*Meeting, len(n.Meetings))
	for i, m := range n.Meetings {
		c.Meetings[i] = m.WithoutPersons()
	}
	c.Links = nil
	for _, l := range n.Links {
		if KindOf(l.From) != KindPerson && KindOf(l.To) != KindPerson {
			c.Links = append(c.Links, l)
		}
	}
	return &c
}
