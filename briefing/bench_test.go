package briefing_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/buurtnet/buurtnet/briefing"
)

// BenchmarkBrusselsRegion builds the Brussels-region briefing of the demo
// network on the embedded store, alone and followed by each rendering, the
// way an HTTP request or the command line does.
func BenchmarkBrusselsRegion(b *testing.B) {
	db := demoStore(b)
	ctx := context.Background()
	scope := briefing.Scope{Territory: "territory:brussels-region", Since: date("2019-06-20"), Today: today}

	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := briefing.Build(ctx, db, scope); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, f := range briefing.Formats[briefing.SubjectBriefing] {
		b.Run("build+"+string(f), func(b *testing.B) {
			b.ReportAllocs()
			r := &briefing.Request{Subject: briefing.SubjectBriefing, Scope: scope, Format: f}
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := r.Write(ctx, db, &buf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "file-bytes")
		})
	}
	b.Run("network+graphml", func(b *testing.B) {
		b.ReportAllocs()
		r := &briefing.Request{Subject: briefing.SubjectNetwork, Scope: briefing.Scope{Today: today}, Format: briefing.FormatGraphML}
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := r.Write(ctx, db, &buf); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buf.Len()), "file-bytes")
	})
}
