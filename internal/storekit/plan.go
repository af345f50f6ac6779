package storekit

import (
	"fmt"
	"sort"
	"time"

	"github.com/buurtnet/buurtnet"
)

// ApplyReader is what preparing an Apply reads from a store, in the
// transaction of the write.
type ApplyReader interface {
	// ExistingIDs returns which of ids the store has.
	ExistingIDs(ids []string) (map[string]bool, error)
	// Nodes returns the stored entities with these ids; unknown ids are
	// left out.
	Nodes(ids []string) ([]buurtnet.Node, error)
	// EnterpriseHolders returns the stored organisations holding these
	// enterprise numbers, by number.
	EnterpriseHolders(numbers []string) (map[string]*buurtnet.Organisation, error)
	// TerritoryGraph returns the stored nesting of territories; the plan
	// asks for it at the first new PART_OF only.
	TerritoryGraph() (*buurtnet.TerritoryGraph, error)
}

// Prepared is a network checked and ready to apply: what is stored of it,
// and the plan that decides each write.
type Prepared struct {
	// Nodes are the network's entities, in the order to write them.
	Nodes []buurtnet.Node
	// Stored are the stored versions, by stored id: an organisation
	// matched by enterprise number is under the id the store knows it by
	// (Plan.ID).
	Stored map[string]buurtnet.Node
	Plan   *ApplyPlan
}

// PrepareApply makes the checks and reads every store makes before the
// writes of Apply: the network validates against the entities its links
// point at outside it, the stored versions of its entities are loaded, and
// organisations new by id but known by enterprise number are matched to
// the stored ones.
func PrepareApply(n *buurtnet.Network, now time.Time, r ApplyReader) (*Prepared, error) {
	nodes := n.Nodes()
	inFile := map[string]bool{}
	ids := make([]string, 0, len(nodes))
	for _, node := range nodes {
		inFile[node.NodeID()] = true
		ids = append(ids, node.NodeID())
	}
	// Links and meetings may name entities that are only in the store.
	known, err := r.ExistingIDs(n.Outside())
	if err != nil {
		return nil, err
	}
	if err := n.Validate(known); err != nil {
		return nil, err
	}
	storedNodes, err := r.Nodes(ids)
	if err != nil {
		return nil, err
	}
	stored := map[string]buurtnet.Node{}
	for _, s := range storedNodes {
		stored[s.NodeID()] = s
	}
	var remap map[string]string
	if numbers := numbersToMatch(n.Organisations, stored); len(numbers) > 0 {
		holders, err := r.EnterpriseHolders(numbers)
		if err != nil {
			return nil, err
		}
		if remap, err = matchByEnterpriseNumber(n.Organisations, holders, stored, inFile); err != nil {
			return nil, err
		}
	}
	return &Prepared{Nodes: nodes, Stored: stored, Plan: NewApplyPlan(now, remap, r.TerritoryGraph)}, nil
}

// numbersToMatch returns the enterprise numbers to look up before Apply:
// those of the network's organisations that are new by id.
func numbersToMatch(orgs []*buurtnet.Organisation, stored map[string]buurtnet.Node) []string {
	var numbers []string
	for _, o := range orgs {
		if stored[o.ID] == nil && o.EnterpriseNumber != "" {
			numbers = append(numbers, o.EnterpriseNumber)
		}
	}
	return numbers
}

// matchByEnterpriseNumber decides which organisations of an imported
// network are organisations the store already has under another id: those
// new by id whose enterprise number a stored organisation holds. It returns
// file id → stored id, and adds the matched organisations to stored (by
// their stored id) so that the plan compares the file's row with them.
// holders maps enterprise numbers to the stored organisations holding them;
// inFile says which ids the network holds. Two rows claiming one stored
// organisation, or a number held by an organisation that is itself in the
// network, are conflicts.
func matchByEnterpriseNumber(orgs []*buurtnet.Organisation, holders map[string]*buurtnet.Organisation, stored map[string]buurtnet.Node, inFile map[string]bool) (map[string]string, error) {
	remap := map[string]string{}
	claimed := map[string]string{} // stored id → the file's id mapped to it
	for _, o := range orgs {
		h := holders[o.EnterpriseNumber]
		if stored[o.ID] != nil || h == nil {
			continue
		}
		field := fmt.Sprintf("%s[%s].enterpriseNumber", buurtnet.KindOrganisation, o.ID)
		if inFile[h.ID] {
			return nil, buurtnet.FieldError(buurtnet.ECONFLICT, field, "%s has enterprise number %s, which is that of %s, also in the file", o.ID, o.EnterpriseNumber, h.ID)
		}
		if other, ok := claimed[h.ID]; ok {
			return nil, buurtnet.FieldError(buurtnet.ECONFLICT, field, "%s and %s both have enterprise number %s", other, o.ID, o.EnterpriseNumber)
		}
		claimed[h.ID] = o.ID
		remap[o.ID] = h.ID
		stored[h.ID] = h
	}
	return remap, nil
}

// ApplyPlan makes Apply's decisions, the same for every store: which
// entities and links of a network are new, changed or unchanged, what
// stamps they get, and whether a new PART_OF or PART_OF_PROGRAMME breaks
// the nesting (TerritoryGraph.CheckNesting). A store fetches what the plan asks for in its own query language
// and makes the writes the plan decides.
type ApplyPlan struct {
	now   time.Time
	remap map[string]string
	nest  func() (*buurtnet.TerritoryGraph, error)
	graph *buurtnet.TerritoryGraph
	// created are the links created so far: two links of a network that the
	// remapping makes one are a duplicate.
	created map[buurtnet.LinkKey]bool
	report  buurtnet.ApplyReport
}

// Decision is what Apply does with one entity or link of a network.
type Decision int

const (
	Unchanged Decision = iota
	Create
	Update
)

// NewApplyPlan starts a plan for a change at now. remap sends the ids of
// organisations matched by enterprise number to their stored ids; nest
// loads the stored nesting (territories and programmes), asked for at the
// first new link that nests only.
func NewApplyPlan(now time.Time, remap map[string]string, nest func() (*buurtnet.TerritoryGraph, error)) *ApplyPlan {
	return &ApplyPlan{now: now, remap: remap, nest: nest, created: map[buurtnet.LinkKey]bool{}}
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
func (p *ApplyPlan) Node(n buurtnet.Node, stored buurtnet.Node) (buurtnet.Node, Decision) {
	if id, ok := p.remap[n.NodeID()]; ok {
		o := *n.(*buurtnet.Organisation) // only organisations are remapped
		o.ID = id
		n = &o
	}
	switch {
	case stored == nil:
		buurtnet.SetStamp(n, NewStamp(p.now))
		p.report.Created = append(p.report.Created, n.NodeID())
		return n, Create
	case SameContent(stored, n):
		buurtnet.SetStamp(n, buurtnet.Timestamps(stored))
		p.report.Unchanged++
		return n, Unchanged
	}
	buurtnet.SetStamp(n, buurtnet.Timestamps(stored).Next(p.now))
	p.report.Updated = append(p.report.Updated, n.NodeID())
	return n, Update
}

// LinkKey returns the key a link of the network has in the store.
func (p *ApplyPlan) LinkKey(l *buurtnet.Link) buurtnet.LinkKey {
	return buurtnet.LinkKey{Kind: l.Kind, From: p.ID(l.From), To: p.ID(l.To)}.Normalized()
}

// Link decides about the i-th link of the network, given its stored
// version (nil when there is none, looked up by LinkKey). A new link of a
// nesting kind is checked against the stored nesting and the network's
// earlier links.
func (p *ApplyPlan) Link(i int, l *buurtnet.Link, stored *buurtnet.Link) (*buurtnet.Link, Decision, error) {
	if key := p.LinkKey(l); key != l.LinkKey {
		c := *l
		c.LinkKey = key
		l = &c
	}
	switch {
	case stored == nil:
		if p.created[l.LinkKey] {
			return nil, Unchanged, buurtnet.FieldError(buurtnet.ECONFLICT, fmt.Sprintf("links[%d].to", i), "there is already a %s link from %s to %s", l.Kind, l.From, l.To)
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

// CheckSingles refuses links of a network that would give an entity a
// second link of a kind it may have one of (a meeting in two cycles);
// stored holds the stored links from the network's links' from ends, as a
// store loads them for Link. A network repeating the stored link passes.
func (p *ApplyPlan) CheckSingles(links []*buurtnet.Link, stored []*buurtnet.Link) error {
	have := map[buurtnet.LinkKey]string{} // kind and from → the stored to
	for _, l := range stored {
		if l.Kind.Single() {
			have[buurtnet.LinkKey{Kind: l.Kind, From: l.From}] = l.To
		}
	}
	for i, l := range links {
		if !l.Kind.Single() {
			continue
		}
		k := p.LinkKey(l)
		if err := buurtnet.CheckSingle(k, have[buurtnet.LinkKey{Kind: k.Kind, From: k.From}], fmt.Sprintf("links[%d]", i)); err != nil {
			return err
		}
	}
	return nil
}

// Report returns what the plan decided, ids and link keys sorted.
func (p *ApplyPlan) Report() *buurtnet.ApplyReport {
	r := p.report
	sort.Strings(r.Created)
	sort.Strings(r.Updated)
	return &r
}
