package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/synthetic"
)

// The questions the scale benchmark (scripts/bench) asks, as it asks them.
const (
	// pageOf50 asks every relation of each project, and a name at each far end.
	pageOf50 = `{ projects(first: 50) { totalCount nodes { id name
  partners { organisation { name } role level }
  territories { territory { name } }
  fundings { funder { name } }
  themes { name } } } }`
	overlapsBenchQuery = `query($id: ID!) { overlaps(project: $id) { project { id name } places { relation territory { name } otherTerritory { name } } } }`
	gapsBenchQuery     = `query($t: ID!) { gaps(territory: $t) { missingFunctions { name } missingThemes { name } coveredThemes { theme { name } projects { id } } } }`
)

// BenchmarkPageOf50 runs the page through the whole handler on a region
// (tier M) in a database file, asked again and again: after the first, the
// response cache answers.
func BenchmarkPageOf50(b *testing.B) {
	benchQuestion(b, pageOf50, nil)
}

// BenchmarkPageOf50Resolved is the page with every entity in the read cache
// but not the answer (each request names its operation differently), to
// see where resolving a page spends its time beyond the store:
// go test -run '^$' -bench PageOf50Resolved -cpuprofile cpu.out ./server/
func BenchmarkPageOf50Resolved(b *testing.B) {
	benchQuestionOn(b, func(s buurtnet.Store) buurtnet.Store { return s }, "", func(i int) map[string]any { return nil }, func(i int) string {
		return fmt.Sprintf("query Page%d %s", i, pageOf50)
	})
}

// BenchmarkPageOf50Cold is the page with a store whose revision changes on
// every request, so that nothing read before is reused: the first request
// after a write.
func BenchmarkPageOf50Cold(b *testing.B) {
	benchQuestionOn(b, func(s buurtnet.Store) buurtnet.Store { return &movingStore{Store: s} }, pageOf50, nil, nil)
}

// movingStore reports a new revision every time it is asked.
type movingStore struct {
	buurtnet.Store
	rev atomic.Int64
}

func (s *movingStore) Revision(context.Context) (int64, error) { return s.rev.Add(1), nil }

// BenchmarkOverlaps asks the overlaps of 200 projects in turn.
func BenchmarkOverlaps(b *testing.B) {
	ids := synthetic.ProjectIDs(synthetic.TierM, 1)
	benchQuestion(b, overlapsBenchQuery, func(i int) map[string]any { return map[string]any{"id": ids[(i*25)%len(ids)]} })
}

// BenchmarkOverlapsResolved asks the overlaps of the same 200 projects
// without the response cache answering (each request names its operation
// differently): what the first request for a project costs.
func BenchmarkOverlapsResolved(b *testing.B) {
	ids := synthetic.ProjectIDs(synthetic.TierM, 1)
	benchQuestionOn(b, func(s buurtnet.Store) buurtnet.Store { return s }, "",
		func(i int) map[string]any { return map[string]any{"id": ids[(i*25)%len(ids)]} },
		func(i int) string {
			return fmt.Sprintf("query Overlaps%d%s", i, strings.TrimPrefix(overlapsBenchQuery, "query"))
		})
}

// BenchmarkOverlapsProvinceWide asks the overlaps of one province-wide
// project, never from the response cache: p01250, the largest answer
// (156 kB) of the 200 projects the scale benchmark samples.
func BenchmarkOverlapsProvinceWide(b *testing.B) {
	benchQuestionOn(b, func(s buurtnet.Store) buurtnet.Store { return s }, "",
		func(i int) map[string]any { return map[string]any{"id": synthetic.ProjectID(1250)} },
		func(i int) string {
			return fmt.Sprintf("query Overlaps%d%s", i, strings.TrimPrefix(overlapsBenchQuery, "query"))
		})
}

// BenchmarkGaps asks the gaps of 20 municipalities in turn.
func BenchmarkGaps(b *testing.B) {
	benchQuestion(b, gapsBenchQuery, func(i int) map[string]any { return map[string]any{"t": synthetic.MunicipalityID((i * 15) % 300)} })
}

func benchQuestion(b *testing.B, query string, vars func(i int) map[string]any) {
	benchQuestionOn(b, func(s buurtnet.Store) buurtnet.Store { return s }, query, vars, nil)
}

// benchQuestionOn asks query, or the i-th request documents(i) when given,
// with the variables vars(i) when given, of the store wrap returns.
func benchQuestionOn(b *testing.B, wrap func(buurtnet.Store) buurtnet.Store, query string, vars func(i int) map[string]any, documents func(i int) string) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "m.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Apply(ctx, synthetic.Network(synthetic.TierM, 1), buurtnet.ApplyOptions{}); err != nil {
		b.Fatal(err)
	}
	store := &countingStore{Store: wrap(db)}
	h := server.NewHandler(server.Config{Store: store, Logger: quiet})
	n := 200
	if documents != nil {
		n = 5000 // more than the response cache holds: none is asked twice in a row of 256
	}
	bodies := make([][]byte, n)
	for i := range bodies {
		if documents != nil {
			query = documents(i)
		}
		body := map[string]any{"query": query}
		if vars != nil {
			body["variables"] = vars(i)
		}
		if bodies[i], err = json.Marshal(body); err != nil {
			b.Fatal(err)
		}
	}
	size, i := 0, 0
	b.ResetTimer()
	start := cpuTime(b)
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(bodies[i%len(bodies)]))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("%d %s", w.Code, w.Body.String())
		}
		size += w.Body.Len()
		i++
	}
	b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(store.nodes.Load()+store.links.Load())/float64(b.N), "store-calls/op")
	b.ReportMetric(float64(size)/float64(b.N), "response-bytes")
}
