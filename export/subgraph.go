package export

import (
	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

// Subgraph cuts the part of a network that a briefing is about: its
// projects, everything they link to (partners, funders, territories,
// themes, target groups, functions), the collaborations among them, the
// briefing's territory, and the links between territories and
// organisations that are kept. It selects; the briefing already decided
// which projects are in scope.
func Subgraph(full *buurtnet.Network, b *briefing.Briefing) *buurtnet.Network {
	projects := map[string]bool{}
	for _, p := range b.Projects {
		projects[p.ID] = true
	}
	keep := map[string]bool{b.Territory.ID: true}
	for id := range projects {
		keep[id] = true
	}
	var links, between []*buurtnet.Link
	for _, l := range full.Links {
		switch {
		case l.Kind == buurtnet.LinkCollaboratesWith:
			if projects[l.From] && projects[l.To] {
				links = append(links, l)
			}
		case projects[l.From] || projects[l.To]:
			links = append(links, l)
			keep[l.From], keep[l.To] = true, true
		default:
			between = append(between, l) // territory ↔ territory, organisation → territory
		}
	}
	for _, l := range between {
		from, to := l.Kind.Endpoints()
		if from != buurtnet.KindProject && to != buurtnet.KindProject && keep[l.From] && keep[l.To] {
			links = append(links, l)
		}
	}
	out := &buurtnet.Network{}
	for _, node := range full.Nodes() {
		if keep[node.NodeID()] {
			out.Add(node)
		}
	}
	// Back in the full network's order (kind, from, to), whatever the pass
	// that kept them.
	kept := map[*buurtnet.Link]bool{}
	for _, l := range links {
		kept[l] = true
	}
	for _, l := range full.Links {
		if kept[l] {
			out.Links = append(out.Links, l)
		}
	}
	return out
}
