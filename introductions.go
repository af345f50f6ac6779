package buurtnet

import (
	"context"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph/path"
)

// Introduction is a chain of shared projects from one organisation to
// another: organisation, project, organisation, …, organisation. Each
// organisation in between takes part in the project before and after it,
// and can introduce its neighbours in the chain to each other.
type Introduction struct {
	Chain []string
}

// Length is the number of projects in the chain.
func (i *Introduction) Length() int { return len(i.Chain) / 2 }

// Organisations returns the organisations of the chain, from first to last.
func (i *Introduction) Organisations() []string { return every(i.Chain, 0) }

// Projects returns the projects of the chain, in order.
func (i *Introduction) Projects() []string { return every(i.Chain, 1) }

func every(xs []string, from int) []string {
	var out []string
	for k := from; k < len(xs); k += 2 {
		out = append(out, xs[k])
	}
	return out
}

// FindIntroductions returns up to first chains of shared projects (in
// scope) from organisation from to organisation to, of at most maxLength
// projects: the shortest first, ties by the ids along the chain. It uses
// Yen's k-shortest loopless paths (Yen 1971) on the organisation–project
// graph. Organisations that take part in no project in scope have no chain.
func FindIntroductions(ctx context.Context, n *PartnershipNetwork, from, to string, maxLength, first int) ([]*Introduction, error) {
	if err := n.CheckSize(); err != nil {
		return nil, err
	}
	bip, ids := n.bipartite()
	index := indexOf(ids)
	s, okS := index[from]
	t, okT := index[to]
	if !okS || !okT || from == to {
		return nil, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Each project in a chain is two steps: organisation → project → organisation.
	_, shortest := path.DijkstraFromTo(bip.Node(int64(s)), bip.Node(int64(t)), bip)
	maxSteps := float64(2 * maxLength)
	if shortest > maxSteps { // also when there is no chain at all (+Inf)
		return nil, nil
	}
	paths := path.YenKShortestPaths(bip, first, maxSteps-shortest, bip.Node(int64(s)), bip.Node(int64(t)))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]*Introduction, 0, len(paths))
	for _, p := range paths {
		in := &Introduction{}
		for _, v := range p {
			in.Chain = append(in.Chain, ids[v.ID()])
		}
		out = append(out, in)
	}
	slices.SortStableFunc(out, func(a, b *Introduction) int {
		if len(a.Chain) != len(b.Chain) {
			return len(a.Chain) - len(b.Chain)
		}
		return strings.Compare(strings.Join(a.Chain, " "), strings.Join(b.Chain, " "))
	})
	return out, nil
}
