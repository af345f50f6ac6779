package neo4j_test

import (
	"context"
	"os"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/neo4j"
	"github.com/buurtnet/buurtnet/synthetic"
)

// The benchmarks mirror those of the SQLite store (sqlite/bench_test.go),
// on the same generated network (synthetic tier S), so that
//
//	go test ./neo4j/ -run x -bench . -benchmem
//	go test ./sqlite/ -run x -bench . -benchmem
//
// compare like with like; BenchmarkProfiles/demo runs on the demo network.

// benchTier is the tier of the generated network: one city (S), as for
// SQLite, unless BUURTNET_BENCH_TIER asks for a region (M) or the country
// (L), which want a server with a larger heap (an import is one
// transaction):
//
//	BUURTNET_BENCH_TIER=M go test ./neo4j/ -run x -bench 'Apply|Find|Profiles/territories' -benchtime 3x
func benchTier() synthetic.Tier {
	if t, err := synthetic.ParseTier(os.Getenv("BUURTNET_BENCH_TIER")); err == nil {
		return t
	}
	return synthetic.TierS
}

// benchNetwork is the generated network of benchTier.
func benchNetwork() *buurtnet.Network { return synthetic.Network(benchTier(), 1) }

// benchProjects is the number of projects benchNetwork holds.
func benchProjects() int { return synthetic.SizeOf(benchTier()).Projects }

// openGenerated opens a store holding the generated network.
func openGenerated(b *testing.B) *neo4j.DB {
	b.Helper()
	db := openStore(b)
	if _, err := db.Apply(context.Background(), benchNetwork(), buurtnet.ApplyOptions{}); err != nil {
		b.Fatalf("Apply(generated network): %v", err)
	}
	return db
}

func BenchmarkApply(b *testing.B) {
	envConfig(b)
	n := benchNetwork()
	db := openStore(b)
	for b.Loop() {
		b.StopTimer()
		if err := db.Wipe(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := db.Apply(context.Background(), n, buurtnet.ApplyOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(n.Links))*float64(b.N)/b.Elapsed().Seconds(), "links/s")
}

func BenchmarkProfiles(b *testing.B) {
	envConfig(b)
	ctx := context.Background()
	run := func(b *testing.B, db buurtnet.Store, all int, territory, project string) {
		g, err := db.TerritoryGraph(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("all", func(b *testing.B) {
			for b.Loop() {
				ps, err := db.Profiles(ctx, buurtnet.ProfileQuery{All: true})
				if err != nil || len(ps) != all {
					b.Fatalf("%d profiles, %v", len(ps), err)
				}
			}
		})
		// What Analyst.Overlaps asks: the projects around one territory.
		b.Run("territories", func(b *testing.B) {
			q := buurtnet.ProfileQuery{Territories: g.Related(territory)}
			for b.Loop() {
				if _, err := db.Profiles(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("one", func(b *testing.B) {
			q := buurtnet.ProfileQuery{IDs: []string{project}}
			for b.Loop() {
				if ps, err := db.Profiles(ctx, q); err != nil || len(ps) != 1 {
					b.Fatalf("%d profiles, %v", len(ps), err)
				}
			}
		})
		b.Run("overlaps", func(b *testing.B) {
			a := &buurtnet.Analyst{Store: db}
			for b.Loop() {
				if _, _, err := a.Overlaps(ctx, project, buurtnet.Date{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}

	db := openGenerated(b)
	run(b, db, benchProjects(), "territory:mun003", "project:p00123")

	b.Run("demo", func(b *testing.B) {
		network, err := demo.Network()
		if err != nil {
			b.Fatal(err)
		}
		if err := db.Wipe(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := db.Apply(ctx, network, buurtnet.ApplyOptions{}); err != nil {
			b.Fatal(err)
		}
		run(b, db, len(network.Projects), "territory:brabantwijk", "project:boost")
	})
}

func BenchmarkFind(b *testing.B) {
	envConfig(b)
	ctx := context.Background()
	db := openGenerated(b)
	for _, c := range []struct {
		name   string
		filter buurtnet.NodeFilter
	}{
		{"projects page by name", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Limit: 20, Offset: 100}},
		// The first page of the projects list, with its total count.
		{"projects first 50", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Limit: 50}},
		{"projects in municipality", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: "territory:mun003", Limit: 20}},
		{"projects in region by start", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Territory: synthetic.RegionID, OrderBy: buurtnet.OrderByStart, Limit: 20}},
		{"projects search", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Search: "12", Limit: 20}},
		{"projects theme status active", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Theme: "theme:t03", Status: []buurtnet.ProjectStatus{buurtnet.StatusPilot, buurtnet.StatusImplementation}, ActiveOn: buurtnet.NewDate(2021, 6, 1), Limit: 20}},
		{"organisations of funder", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Funder: "funder:f007", Limit: 20}},
		{"organisations active in municipality", buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Territory: "territory:mun003", ActiveOn: buurtnet.NewDate(2021, 6, 1), Limit: 20}},
		{"funders in region", buurtnet.NodeFilter{Kind: buurtnet.KindFunder, Territory: synthetic.RegionID}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := db.Find(ctx, c.filter); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
