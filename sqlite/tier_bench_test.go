package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/synthetic"
)

// The questions at the size of a region (tier M: 5,000 projects, 5,000
// territories, ~150,000 links), on a database file. The import runs once
// per process and is reported by BenchmarkTierM/apply.

// tierMDB returns a database file holding tier M, removed after b.
func tierMDB(b *testing.B, n *buurtnet.Network) *sqlite.DB {
	b.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "m.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Apply(context.Background(), n, buurtnet.ApplyOptions{}); err != nil {
		b.Fatal(err)
	}
	return db
}

func BenchmarkTierM(b *testing.B) {
	ctx := context.Background()
	n := synthetic.Network(synthetic.TierM, 1)
	b.Run("apply", func(b *testing.B) {
		start := cpuTime()
		for b.Loop() {
			b.StopTimer()
			db, _ := openFile(b)
			b.StartTimer()
			if _, err := db.Apply(ctx, n, buurtnet.ApplyOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, start)
		b.ReportMetric(float64(len(n.Links)*b.N)/b.Elapsed().Seconds(), "links/s")
	})
	db := tierMDB(b, n)
	a := &buurtnet.Analyst{Store: db}
	ids := synthetic.ProjectIDs(synthetic.TierM, 1)
	b.Run("overlaps", func(b *testing.B) {
		i, start, p := 0, cpuTime(), &percentiles{}
		for b.Loop() {
			t := time.Now()
			if _, _, err := a.Overlaps(ctx, ids[(i*7919)%len(ids)], buurtnet.Date{}); err != nil {
				b.Fatal(err)
			}
			p.add(time.Since(t))
			i++
		}
		reportCPU(b, start)
		p.report(b)
	})
	b.Run("gaps municipality", func(b *testing.B) {
		i, start, p := 0, cpuTime(), &percentiles{}
		for b.Loop() {
			t := time.Now()
			if _, err := a.Gaps(ctx, synthetic.MunicipalityID((i*37)%300), buurtnet.Date{}); err != nil {
				b.Fatal(err)
			}
			p.add(time.Since(t))
			i++
		}
		reportCPU(b, start)
		p.report(b)
	})
	for _, c := range []struct{ name, territory string }{
		{"municipality", synthetic.MunicipalityID(7)}, {"province", synthetic.ProvinceID(2)}, {"region", synthetic.RegionID},
	} {
		b.Run("synergies "+c.name, func(b *testing.B) {
			start := cpuTime()
			for b.Loop() {
				if _, err := a.Synergies(ctx, buurtnet.SynergyQuery{Territory: c.territory, First: 20}); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
		})
	}
	// The store calls of projects(first: 50) with partners, territories,
	// fundings and themes: the page, then one batch per relation (the
	// dataloaders), then the entities at the far ends.
	b.Run("page of 50", func(b *testing.B) {
		i, start, p := 0, cpuTime(), &percentiles{}
		for b.Loop() {
			t := time.Now()
			nodes, _, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindProject, Limit: 50, Offset: (i * 50) % 4000})
			if err != nil {
				b.Fatal(err)
			}
			i++
			var page []string
			for _, n := range nodes {
				page = append(page, n.NodeID())
			}
			var ends []string
			for _, q := range []buurtnet.LinkQuery{
				{Kinds: []buurtnet.LinkKind{buurtnet.LinkParticipatesIn}, To: page},
				{Kinds: []buurtnet.LinkKind{buurtnet.LinkActiveIn}, From: page},
				{Kinds: []buurtnet.LinkKind{buurtnet.LinkFunds}, To: page},
				{Kinds: []buurtnet.LinkKind{buurtnet.LinkAddresses}, From: page},
			} {
				links, err := db.Links(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				for _, l := range links {
					if len(q.To) > 0 {
						ends = append(ends, l.From)
					} else {
						ends = append(ends, l.To)
					}
				}
			}
			if _, err := db.Nodes(ctx, ends); err != nil {
				b.Fatal(err)
			}
			p.add(time.Since(t))
		}
		reportCPU(b, start)
		p.report(b)
	})
}
