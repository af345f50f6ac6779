package buurtnet

import (
	"context"
	"sort"
)

// Cluster is a group of organisations that work mostly with each other.
type Cluster struct {
	// Number is the cluster's place in the answer, from 1: largest first,
	// ties by the smallest member id.
	Number  int
	Members []string
	// Projects the members take part in, in scope.
	Projects []string
	// Sectors of the members, in the order of Sectors.
	Sectors []Sector
	// Territories the members' projects are active in, by id.
	Territories []string
	// Linked are the numbers of the other clusters some member shares a
	// project with; Linkers are those members. A cluster with no Linked is
	// one no organisation links to the rest.
	Linked  []int
	Linkers []string
}

// ClusterReport is the community structure of a network.
type ClusterReport struct {
	Clusters []*Cluster
	// Modularity (Q) of the division: above about 0.3 the clusters are
	// clearly more tied inside than between.
	Modularity float64
}

// FindClusters divides the organisations of the network into communities
// by Louvain modularity optimisation (Blondel et al. 2008) on the
// organisation–organisation graph weighted by shared projects. It returns
// the first clusters (all when 0); Linked may name clusters left out.
func FindClusters(ctx context.Context, n *PartnershipNetwork, first int) (*ClusterReport, error) {
	if err := n.CheckSize(); err != nil {
		return nil, err
	}
	proj, ids, err := n.projection(ctx)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return &ClusterReport{}, nil
	}
	com, q, err := louvain(ctx, proj, 1)
	if err != nil {
		return nil, err
	}
	r := &ClusterReport{Modularity: round6(q)}
	// sorted holds each cluster with its members' nodes, in answer order.
	type group struct {
		*Cluster
		members []int32
	}
	var sorted []group
	for v, k := range com {
		if int(k) == len(sorted) {
			sorted = append(sorted, group{Cluster: &Cluster{}})
		}
		g := &sorted[k]
		g.members = append(g.members, int32(v))
		g.Members = append(g.Members, ids[v]) // in id order, as the nodes are
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if len(a.Members) != len(b.Members) {
			return len(a.Members) > len(b.Members)
		}
		return a.Members[0] < b.Members[0]
	})
	for _, g := range sorted {
		r.Clusters = append(r.Clusters, g.Cluster)
	}
	if first > 0 && len(r.Clusters) > first {
		r.Clusters = r.Clusters[:first]
	}
	// Numbers by node; the details only for the clusters returned: a
	// region has thousands of small ones.
	clusterOf := make([]int, len(ids))
	for i, c := range sorted {
		for _, m := range c.members {
			clusterOf[m] = i + 1
		}
	}
	territories := map[string][]string{}
	for _, p := range n.Projects {
		for _, l := range p.Territories {
			territories[p.Project.ID] = append(territories[p.Project.ID], l.To)
		}
	}
	for i, c := range r.Clusters {
		if err := ctx.Err(); err != nil {
			return nil, timeout(err)
		}
		c.Number = i + 1
		projects, places, linked := set{}, set{}, map[int]bool{}
		for _, m := range sorted[i].members {
			for _, p := range n.projectsOf[ids[m]] {
				projects.add(p)
				for _, t := range territories[p] {
					places.add(t)
				}
			}
			links := false
			for _, o := range proj.neighbours(m) {
				if k := clusterOf[o]; k != c.Number {
					linked[k], links = true, true
				}
			}
			if links {
				c.Linkers = append(c.Linkers, ids[m])
			}
		}
		c.Projects, c.Territories = projects.sorted(), places.sorted()
		c.Sectors, _ = n.connects(c.Members)
		for k := range linked {
			c.Linked = append(c.Linked, k)
		}
		sort.Ints(c.Linked)
	}
	return r, nil
}

// Unlinked reports whether no organisation links the cluster to another.
func (c *Cluster) Unlinked() bool { return len(c.Linked) == 0 }

// set is a set of ids.
type set map[string]bool

func (s set) add(id string) { s[id] = true }

func (s set) sorted() []string {
	out := make([]string, 0, len(s))
	for id := range s {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
