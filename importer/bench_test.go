package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet/importer"
	"github.com/buurtnet/buurtnet/synthetic"
)

// BenchmarkImport10kRows reads a 10,000-row organisations CSV and imports it
// into an empty store: the size of a large partner directory.
func BenchmarkImport10kRows(b *testing.B) {
	csv := organisationsCSV(10_000)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		store := mustOpenStore(b)
		b.StartTimer()

		net, rep, err := importer.ReadCSV(context.Background(), "organisations", bytes.NewReader(csv))
		require.NoError(b, err)
		require.True(b, rep.OK(), "first problem: %v", rep.Problems[:min(1, len(rep.Problems))])
		res, err := importer.Import(ctx, store, net, rep, importer.Options{})
		require.NoError(b, err)
		require.Len(b, res.Created, 10_000)
	}
}

// BenchmarkRead10kRows is the importer's own share of the above: reading
// and checking, without the store.
func BenchmarkRead10kRows(b *testing.B) {
	csv := organisationsCSV(10_000)
	b.ReportAllocs()
	for b.Loop() {
		_, rep, err := importer.ReadCSV(context.Background(), "organisations", bytes.NewReader(csv))
		require.NoError(b, err)
		require.True(b, rep.OK())
	}
}

// BenchmarkReadRegion reads and checks a region's network document (tier
// M: 30 MB, 172,000 entries), the part of `buurtnet import` before the
// store.
func BenchmarkReadRegion(b *testing.B) {
	doc, err := json.Marshal(synthetic.Network(synthetic.TierM, 1))
	require.NoError(b, err)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		_, rep, err := importer.ReadWithin(context.Background(), "region.json", bytes.NewReader(doc), importer.LocalDocumentLimits)
		require.NoError(b, err)
		require.True(b, rep.OK())
	}
}

// organisationsCSV makes n fictional organisations, half of them without an
// enterprise number (their ids come from their names).
func organisationsCSV(n int) []byte {
	var csv bytes.Buffer
	csv.WriteString("naam_nl;nom_fr;soort;sectoren;taalgemeenschap;ondernemingsnummer\n")
	for i := range n {
		kbo := ""
		if i%2 == 0 {
			base := 2_000_000 + i // valid check digits
			kbo = fmt.Sprintf("%08d%02d", base, 97-base%97)
		}
		fmt.Fprintf(&csv, "Buurtorganisatie %d;Organisation de quartier %d;ASSOCIATION;COMMUNITY|WELFARE;BILINGUAL;%s\n", i, i, kbo)
	}
	return csv.Bytes()
}
