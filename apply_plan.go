package buurtnet

import (
	"fmt"
	"sort"
	"time"
)

// ApplyPlan makes Apply's decisions, the same for every store: which
// entities and links of a network are new, changed or unchanged, what
// stamps they get, and whether a new PART_OF or PART_OF_PROGRAMME breaks
// the nesting (TerritoryGraph.CheckNesting). A store fetches what the plan asks for in its own query language
// and makes the writes the plan decides.
type ApplyPlan struct {
	now   time.Time
	remap map[string]string
	nest  func() (*TerritoryGraph, error)
	graph *TerritoryGraph
	// created are the links created so far: two links of a network that the
	// remapping makes one are a duplicate.
	created map[LinkKey]bool
	report  ApplyReport
}

// Decision is what Apply does with one entity or link of a network.
type Decision int

const (
	Unchanged Decision = iota
	Create
	Update
)

// NewApplyPlan starts a plan for a change at now. remap sends the ids of
// organisations matched by enterprise number to their stored ids (see
// MatchByEnterpriseNumber); nest loads the stored nesting (territories and
// programmes), asked for at the first new link that nests only.
func NewApplyPlan(now time.Time, remap map[string]string, nest func() (*TerritoryGraph, error)) *ApplyPlan {
	return &ApplyPlan{now: now, remap: remap, nest: nest, created: map[LinkKey]bool{}}
}

// ID returns the id the store knows an entity of the network by.
func (p *ApplyPlan) ID(id string) string {
	if to, ok := p.remap[id]; ok {
		return to
	}
	return id
}

// Node decides about an entity of the network, given its stored version
// (nil when there is none, looked up by ID). It returns what to write: the
// entity with its stamp, under its stored id (a copy then, so the caller's
// network keeps its own ids). Unchanged entities keep their stamp, so that
// importing the same file twice changes no timestamp and no version.
func (p *ApplyPlan) Node(n Node, stored Node) (Node, Decision) {
	if id, ok := p.remap[n.NodeID()]; ok {
		o := *n.(*Organisation) // only organisations are remapped
		o.ID = id
		n = &o
	}
	switch {
	case stored == nil:
		*n.stamp() = NewStamp(p.now)
		p.report.Created = append(p.report.Created, n.NodeID())
		return n, Create
	case SameContent(stored, n):
		*n.stamp() = *stored.stamp()
		p.report.Unchanged++
		return n, Unchanged
	}
	*n.stamp() = stored.stamp().Next(p.now)
	p.report.Updated = append(p.report.Updated, n.NodeID())
	return n, Update
}

// LinkKey returns the key a link of the network has in the store.
func (p *ApplyPlan) LinkKey(l *Link) LinkKey {
	return LinkKey{Kind: l.Kind, From: p.ID(l.From), To: p.ID(l.To)}.Normalized()
}

// Link decides about the i-th link of the network, given its stored
// version (nil when there is none, looked up by LinkKey). A new link of a
// nesting kind is checked against the stored nesting and the network's
// earlier links.
func (p *ApplyPlan) Link(i int, l *Link, stored *Link) (*Link, Decision, error) {
	if key := p.LinkKey(l); key != l.LinkKey {
		c := *l
		c.LinkKey = key
		l = &c
	}
	switch {
	case stored == nil:
		if p.created[l.LinkKey] {
			return nil, Unchanged, FieldError(ECONFLICT, fmt.Sprintf("links[%d].to", i), "there is already a %s link from %s to %s", l.Kind, l.From, l.To)
		}
		if l.Kind.Nests() {
			if p.graph == nil {
				g, err := p.nest()
				if err != nil {
					return nil, Unchanged, err
				}
				p.graph = g
			}
			if err := p.graph.CheckNesting(l.LinkKey, fmt.Sprintf("links[%d]", i)); err != nil {
				return nil, Unchanged, err
			}
		}
		p.created[l.LinkKey] = true
		l.Stamp = NewStamp(p.now)
		p.report.Created = append(p.report.Created, l.LinkKey.String())
		return l, Create, nil
	case SameLinkContent(stored, l):
		l.Stamp = stored.Stamp
		p.report.Unchanged++
		return l, Unchanged, nil
	}
	l.Stamp = stored.Stamp.Next(p.now)
	p.report.Updated = append(p.report.Updated, l.LinkKey.String())
	return l, Update, nil
}

// Report returns what the plan decided, ids and link keys sorted.
func (p *ApplyPlan) Report() *ApplyReport {
	r := p.report
	sort.Strings(r.Created)
	sort.Strings(r.Updated)
	return &r
}

// CycleError is the error of a PART_OF that would make a territory part of
// itself; field names the input at fault.
func CycleError(k LinkKey, field string) error {
	return FieldError(ECONFLICT, field, "%s cannot be part of %s: that would make a territory part of itself", k.From, k.To)
}
