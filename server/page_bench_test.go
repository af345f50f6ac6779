package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/synthetic"
)

// pageOf50 is the page of projects the scale benchmark (scripts/bench)
// asks: every relation of each project, and a name at each far end.
const pageOf50 = `{ projects(first: 50) { totalCount nodes { id name
  partners { organisation { name } role level }
  territories { territory { name } }
  fundings { funder { name } }
  themes { name } } } }`

// BenchmarkPageOf50 runs the page through the whole handler on a region
// (tier M) in a database file, to see where a request spends its time
// beyond the store: go test -run '^$' -bench PageOf50 -cpuprofile cpu.out ./server/
func BenchmarkPageOf50(b *testing.B) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "m.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Apply(ctx, synthetic.Network(synthetic.TierM, 1), buurtnet.ApplyOptions{}); err != nil {
		b.Fatal(err)
	}
	store := &countingStore{Store: db}
	h := server.NewHandler(server.Config{Store: store, Logger: quiet})
	body, err := json.Marshal(map[string]any{"query": pageOf50})
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	b.ResetTimer()
	start := cpuTime(b)
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("%d %s", w.Code, w.Body.String())
		}
		size = w.Body.Len()
	}
	b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(store.nodes.Load()+store.links.Load())/float64(b.N), "store-calls/op")
	b.ReportMetric(float64(size), "response-bytes")
}
