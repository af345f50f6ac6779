package export_test

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/buurtnet/buurtnet/briefing"
	"github.com/buurtnet/buurtnet/briefing/briefingtest"
	"github.com/buurtnet/buurtnet/export"
)

// BenchmarkBrusselsRegion builds the Brussels-region briefing of the demo
// network on the embedded store and writes it in each format, the way an
// HTTP request or the command line does (building alone:
// go test ./briefing/ -bench BrusselsRegion/build).
func BenchmarkBrusselsRegion(b *testing.B) {
	db := briefingtest.DemoStore(b)
	ctx := context.Background()
	scope := briefing.Scope{Territory: "territory:brussels-region", Since: briefingtest.Date("2019-06-20"), Today: briefingtest.Today}

	runs := map[string]*export.Request{
		"network+graphml": {Subject: export.SubjectNetwork, Scope: briefing.Scope{Today: briefingtest.Today}, Format: export.FormatGraphML},
	}
	for _, f := range export.Formats[export.SubjectBriefing] {
		runs["build+"+string(f)] = &export.Request{Subject: export.SubjectBriefing, Scope: scope, Format: f}
	}
	for _, name := range slices.Sorted(maps.Keys(runs)) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := runs[name].Write(ctx, db, &buf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "file-bytes")
		})
	}
}
