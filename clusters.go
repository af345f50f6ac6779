package buurtnet

import (
	"context"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/graph/community"
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

// louvainSeed fixes the order Louvain visits nodes in, so that the same
// network always gets the same clusters.
const louvainSeed = 1

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
	reduced := community.Modularize(proj, 1, rand.NewPCG(louvainSeed, louvainSeed))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	groups := reduced.Communities()
	r := &ClusterReport{Modularity: round6(community.Q(proj, groups, 1))}
	for _, g := range groups {
		c := &Cluster{}
		for _, v := range g {
			c.Members = append(c.Members, ids[v.ID()])
		}
		sort.Strings(c.Members)
		r.Clusters = append(r.Clusters, c)
	}
	sort.Slice(r.Clusters, func(i, j int) bool {
		a, b := r.Clusters[i], r.Clusters[j]
		if len(a.Members) != len(b.Members) {
			return len(a.Members) > len(b.Members)
		}
		return a.Members[0] < b.Members[0]
	})
	clusterOf := map[string]int{}
	for i, c := range r.Clusters {
		c.Number = i + 1
		for _, m := range c.Members {
			clusterOf[m] = c.Number
		}
	}
	territories := map[string][]string{}
	for _, p := range n.Projects {
		for _, l := range p.Territories {
			territories[p.Project.ID] = append(territories[p.Project.ID], l.To)
		}
	}
	for _, c := range r.Clusters {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		projects, places, linked := set{}, set{}, map[int]bool{}
		for _, m := range c.Members {
			for _, p := range n.projectsOf[m] {
				projects.add(p)
				for _, t := range territories[p] {
					places.add(t)
				}
			}
			others, _ := n.coPartners(m)
			links := false
			for _, o := range others {
				if k := clusterOf[o]; k != c.Number {
					linked[k], links = true, true
				}
			}
			if links {
				c.Linkers = append(c.Linkers, m)
			}
		}
		c.Projects, c.Territories = projects.sorted(), places.sorted()
		c.Sectors, _ = n.connects(c.Members)
		for k := range linked {
			c.Linked = append(c.Linked, k)
		}
		sort.Ints(c.Linked)
	}
	if first > 0 && len(r.Clusters) > first {
		r.Clusters = r.Clusters[:first]
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
