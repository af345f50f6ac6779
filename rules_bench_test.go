package buurtnet_test

import (
	"context"
	"testing"

	"github.com/buurtnet/buurtnet"
)

// The rules on a region of tier M, in memory: what a question costs once
// the store has answered.

func BenchmarkRules(b *testing.B) {
	ctx := context.Background()
	n := generate(genRegion, 1)
	muni, prov, region := n.Levels[2][7], n.Levels[1][2], n.Levels[0][0]
	inScope := func(t string) []*buurtnet.ProjectProfile {
		var out []*buurtnet.ProjectProfile
		for _, p := range n.Profiles {
			if buurtnet.InTerritory(n.Graph, t, p, buurtnet.Date{}) {
				out = append(out, p)
			}
		}
		return out
	}
	b.Run("overlaps", func(b *testing.B) {
		i := 0
		for b.Loop() {
			subject := n.Profiles[(i*7919)%len(n.Profiles)]
			i++
			var ts []string
			for _, l := range subject.Territories {
				ts = append(ts, l.To)
			}
			near := map[string]bool{}
			for _, t := range n.Graph.Related(ts...) {
				near[t] = true
			}
			var candidates []*buurtnet.ProjectProfile
			for _, p := range n.Profiles {
				for _, l := range p.Territories {
					if near[l.To] {
						candidates = append(candidates, p)
						break
					}
				}
			}
			buurtnet.FindOverlaps(ctx, n.Graph, subject, candidates, buurtnet.Date{})
		}
	})
	b.Run("gaps municipality", func(b *testing.B) {
		for b.Loop() {
			buurtnet.FindGaps(ctx, n.Graph, muni, n.Profiles, nil, nil, buurtnet.Date{})
		}
	})
	for _, c := range []struct{ name, territory string }{{"municipality", muni}, {"province", prov}, {"region", region}} {
		b.Run("synergies "+c.name, func(b *testing.B) {
			scoped := inScope(c.territory)
			for b.Loop() {
				buurtnet.RankSynergies(ctx, n.Graph, scoped, n.Functions, buurtnet.Date{}, nil, 20)
			}
		})
	}
}
