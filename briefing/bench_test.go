package briefing_test

import (
	"context"
	"testing"

	"github.com/buurtnet/buurtnet/briefing"
)

// BenchmarkBrusselsRegion builds the Brussels-region briefing of the demo
// network on the embedded store (with each rendering: go test ./export/
// -bench BrusselsRegion).
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
}
