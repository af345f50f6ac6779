package briefing

import (
	"context"
	"fmt"
	"sort"

	"github.com/buurtnet/buurtnet"
)

// names turns ids into names in one language. Ids are gathered first and
// fetched with one Store.Nodes call, so a briefing costs the same number of
// store calls whatever the number of partners.
type names struct {
	lang  buurtnet.Lang
	nodes map[string]buurtnet.Node
	want  map[string]bool
}

func newNames(lang buurtnet.Lang) *names {
	return &names{lang: lang, nodes: map[string]buurtnet.Node{}, want: map[string]bool{}}
}

func (n *names) need(ids ...string) {
	for _, id := range ids {
		if id != "" {
			n.want[id] = true
		}
	}
}

// profile asks for everything a project profile refers to; the overlaps,
// synergy reasons and stakeholder maps of those projects refer to nothing else.
func (n *names) profile(p *buurtnet.ProjectProfile) {
	n.nodes[p.Project.ID] = p.Project
	for _, ls := range [][]*buurtnet.Link{p.Territories, p.Participants, p.Fundings} {
		for _, l := range ls {
			n.need(l.From, l.To)
		}
	}
	for _, ids := range [][]string{p.Themes, p.TargetGroups, p.Functions, p.Collaborators} {
		n.need(ids...)
	}
}

func (n *names) load(ctx context.Context, store buurtnet.Store) error {
	var ids []string
	for id := range n.want {
		if n.nodes[id] == nil {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids) // a stable query, whatever the map order
	nodes, err := store.Nodes(ctx, ids)
	if err != nil {
		return fmt.Errorf("briefing: names: %w", err)
	}
	for _, node := range nodes {
		n.nodes[node.NodeID()] = node
	}
	return nil
}

// ref names id; an id the store does not know (deleted meanwhile) is shown
// as itself rather than dropped, so that no row goes missing.
func (n *names) ref(id string) Ref {
	if id == "" {
		return Ref{}
	}
	if node := n.nodes[id]; node != nil {
		if name := node.Names().In(n.lang); name != "" {
			return Ref{ID: id, Name: name}
		}
	}
	return Ref{ID: id, Name: id}
}

// refs names ids, sorted by name for reading.
func (n *names) refs(ids []string) []Ref {
	out := make([]Ref, 0, len(ids))
	for _, id := range ids {
		out = append(out, n.ref(id))
	}
	sortRefs(out)
	return out
}

func (n *names) organisation(id string) *buurtnet.Organisation {
	o, _ := n.nodes[id].(*buurtnet.Organisation)
	return o
}

// texts returns every known name in every language, for Reason.Sentence.
func (n *names) texts() map[string]buurtnet.Text {
	out := make(map[string]buurtnet.Text, len(n.nodes))
	for id, node := range n.nodes {
		out[id] = node.Names()
	}
	return out
}

// sortRefs orders by name as a reader expects (case and accents folded),
// then by id so that equal names keep a stable order.
func sortRefs(rs []Ref) {
	sort.SliceStable(rs, func(i, j int) bool { return lessRef(rs[i], rs[j]) })
}

func lessRef(a, b Ref) bool {
	fa, fb := buurtnet.Fold(a.Name), buurtnet.Fold(b.Name)
	if fa != fb {
		return fa < fb
	}
	return a.ID < b.ID
}
