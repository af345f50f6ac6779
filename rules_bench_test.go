package buurtnet_test

import (
	"context"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/synthetic"
)

// The rules on the generated region (tier M), in memory: what a question
// costs once the store has answered. Besides the wall time, each reports
// the CPU time it used, the figure that holds on a machine shared with
// other work.

type benchNet struct {
	graph     *buurtnet.TerritoryGraph
	profiles  []*buurtnet.ProjectProfile
	functions map[string]*buurtnet.Term
}

func tierM() *benchNet {
	n := synthetic.Network(synthetic.TierM, 1)
	var projects []*buurtnet.Project
	projects = append(projects, n.Projects...)
	b := &benchNet{graph: buurtnet.NewTerritoryGraph(n.Links), profiles: buurtnet.BuildProfiles(projects, n.Links), functions: map[string]*buurtnet.Term{}}
	for _, f := range n.Functions {
		b.functions[f.ID] = f
	}
	return b
}

func loop(b *testing.B, f func(i int)) {
	start, i := cpuTime(b), 0
	for b.Loop() {
		f(i)
		i++
	}
	b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N)/1e6, "cpu-ms/op")
}

func BenchmarkRules(b *testing.B) {
	ctx := context.Background()
	n := tierM()
	muni, prov, region := synthetic.MunicipalityID(7), synthetic.ProvinceID(2), synthetic.RegionID
	inScope := func(t string) []*buurtnet.ProjectProfile {
		var out []*buurtnet.ProjectProfile
		for _, p := range n.profiles {
			if buurtnet.InTerritory(n.graph, t, p, buurtnet.Date{}) {
				out = append(out, p)
			}
		}
		return out
	}
	// What Analyst.Overlaps does once the store has answered: widen the
	// subject's territories, keep the projects active there, compare.
	b.Run("overlaps", func(b *testing.B) {
		loop(b, func(i int) {
			subject := n.profiles[(i*7919)%len(n.profiles)]
			var ts []string
			for _, l := range subject.Territories {
				ts = append(ts, l.To)
			}
			near := map[string]bool{}
			for _, t := range n.graph.Related(ts...) {
				near[t] = true
			}
			var candidates []*buurtnet.ProjectProfile
			for _, p := range n.profiles {
				for _, l := range p.Territories {
					if near[l.To] {
						candidates = append(candidates, p)
						break
					}
				}
			}
			if _, err := buurtnet.FindOverlaps(ctx, n.graph, subject, candidates, buurtnet.Date{}); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("gaps municipality", func(b *testing.B) {
		loop(b, func(int) {
			if _, err := buurtnet.FindGaps(ctx, n.graph, muni, n.profiles, nil, nil, buurtnet.Date{}); err != nil {
				b.Fatal(err)
			}
		})
	})
	for _, c := range []struct{ name, territory string }{{"municipality", muni}, {"province", prov}, {"region", region}} {
		b.Run("synergies "+c.name, func(b *testing.B) {
			scoped := inScope(c.territory)
			b.ReportMetric(float64(len(scoped)), "projects")
			loop(b, func(int) {
				if _, err := buurtnet.RankSynergies(ctx, n.graph, scoped, n.functions, buurtnet.Date{}, nil, 20); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
	// One of the two lists, filtered as Analyst.Synergies does.
	b.Run("introductions region", func(b *testing.B) {
		scoped := inScope(region)
		keep := func(x, y *buurtnet.ProjectProfile) bool {
			return !n.graph.SameProgrammeLine(x.Project.ID, y.Project.ID)
		}
		loop(b, func(int) {
			if _, err := buurtnet.RankSynergiesOf(ctx, n.graph, scoped, n.functions, buurtnet.Date{}, buurtnet.SynergyIntroduction, keep, 20); err != nil {
				b.Fatal(err)
			}
		})
	})
	// The cost of a new version of the graph: a fresh graph, its index, and
	// what a region-wide question asks of it.
	b.Run("index", func(b *testing.B) {
		net := synthetic.Network(synthetic.TierM, 1)
		loop(b, func(int) {
			buurtnet.NewTerritoryGraph(net.Links).Related(region)
		})
	})
}
