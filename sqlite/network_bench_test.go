package sqlite_test

import (
	"context"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/synthetic"
)

// The network questions end to end (store fetch included) on the city
// tier, for a municipality.
func BenchmarkNetworkQuestions(b *testing.B) {
	ctx := context.Background()
	a := &buurtnet.Analyst{Store: openGenerated(b)}
	scope := buurtnet.NetworkScope{Territory: synthetic.MunicipalityID(3)}
	b.Run("brokers", func(b *testing.B) {
		for b.Loop() {
			if _, err := a.Brokers(ctx, scope, 20); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("clusters", func(b *testing.B) {
		for b.Loop() {
			if _, err := a.Clusters(ctx, scope, 20); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("isolation", func(b *testing.B) {
		for b.Loop() {
			if _, err := a.Isolation(ctx, scope, 100); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("bridges", func(b *testing.B) {
		for b.Loop() {
			if _, err := a.Bridges(ctx, scope, buurtnet.DivideLanguage, 20); err != nil {
				b.Fatal(err)
			}
		}
	})
}
