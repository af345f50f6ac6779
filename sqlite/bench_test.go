package sqlite_test

import (
	"context"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/synthetic"
)

// benchNetwork is the generated network of one city (tier S); the
// regional and national tiers are benchmarked through the service by
// scripts/bench.
func benchNetwork() *buurtnet.Network { return synthetic.Network(synthetic.TierS, 1) }

// benchProjects is the number of projects benchNetwork holds.
func benchProjects() int { return synthetic.SizeOf(synthetic.TierS).Projects }

// openGenerated opens a database file holding the generated network.
func openGenerated(b *testing.B) *sqlite.DB {
	b.Helper()
	db, _ := openFile(b)
	if _, err := db.Apply(context.Background(), benchNetwork(), buurtnet.ApplyOptions{}); err != nil {
		b.Fatalf("Apply(generated network): %v", err)
	}
	return db
}

func BenchmarkApply(b *testing.B) {
	n := benchNetwork()
	for b.Loop() {
		b.StopTimer()
		db, _ := openFile(b)
		b.StartTimer()
		if _, err := db.Apply(context.Background(), n, buurtnet.ApplyOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProfiles(b *testing.B) {
	ctx := context.Background()
	db := openGenerated(b)
	g, err := db.TerritoryGraph(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			ps, err := db.Profiles(ctx, buurtnet.ProfileQuery{All: true})
			if err != nil || len(ps) != benchProjects() {
				b.Fatalf("%d profiles, %v", len(ps), err)
			}
		}
	})
	// What Analyst.Overlaps asks: the projects around one municipality.
	b.Run("territories", func(b *testing.B) {
		q := buurtnet.ProfileQuery{Territories: g.Related("territory:mun003")}
		for b.Loop() {
			if _, err := db.Profiles(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("one", func(b *testing.B) {
		q := buurtnet.ProfileQuery{IDs: []string{"project:p00123"}}
		for b.Loop() {
			if ps, err := db.Profiles(ctx, q); err != nil || len(ps) != 1 {
				b.Fatalf("%d profiles, %v", len(ps), err)
			}
		}
	})
	b.Run("overlaps", func(b *testing.B) {
		a := &buurtnet.Analyst{Store: db}
		for b.Loop() {
			if _, _, err := a.Overlaps(ctx, "project:p00123", buurtnet.Date{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	ctx := context.Background()
	db := openGenerated(b)
	for _, c := range []struct {
		name   string
		filter buurtnet.NodeFilter
	}{
		{"projects page by name", buurtnet.NodeFilter{Kind: buurtnet.KindProject, Limit: 20, Offset: 100}},
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
