package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/buurtnet/buurtnet/synthetic"
)

// TestRunCity runs the whole benchmark, a few requests per question, on
// the city tier and SQLite: build, import, serve, ask, report.
func TestRunCity(t *testing.T) {
	var log strings.Builder
	rep, err := Run(t.Context(), Config{Tier: synthetic.TierS, Seed: 1, Store: "sqlite", N: 2, C: 2, Imports: 2,
		Timeout: time.Minute, RegionTimeout: time.Minute, RequestTimeout: 30 * time.Second, Log: &log})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log.String())
	}
	if len(rep.Rows) != 5 {
		t.Fatalf("%d questions asked, want 5 (no province- or region-wide requests asked for)", len(rep.Rows))
	}
	for _, row := range rep.Rows {
		if len(row.Latencies) != 2 || row.Errors() != 0 || row.Latencies[0] <= 0 {
			t.Errorf("%s: %d requests, problems %v", row.Question, len(row.Latencies), row.Problems)
		}
	}
	if rep.Network.Links != len(synthetic.Network(synthetic.TierS, 1).Links) || len(rep.Imports) != 2 || rep.MedianImport().Took <= 0 || rep.MedianImport().PeakRSS <= 0 || rep.PeakRSS < rep.AfterRSS || rep.AfterRSS <= 0 {
		t.Errorf("network %+v, import %+v, service RSS %d peak %d", rep.Network, rep.Imports, rep.AfterRSS, rep.PeakRSS)
	}
	var md strings.Builder
	rep.Markdown(&md)
	for _, want := range []string{"| `overlaps(project:)` (2 sampled projects) | 2 |", "| `gaps(territory: <municipality>)` | 2 |", "| `organisations(filter: {search:}, first: 20)` (2 words) | 2 |", "links/s", "median of 2", "Imports: ", "Service RSS: peak", "Load average "} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("the report has no %q:\n%s", want, md.String())
		}
	}
}

// TestErrorsCounted: failed requests are counted by what went wrong and
// shown, a GraphQL error by its code, a slow answer as the client timeout.
func TestErrorsCounted(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.RawQuery, "slow") {
			time.Sleep(300 * time.Millisecond)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"errors":[{"message":"too slow","extensions":{"code":"TIMEOUT"}}],"data":null}`))
	}))
	defer srv.Close()
	q := question{label: "q", query: "{ x }", vars: make([]map[string]any, 5), timeout: time.Minute, warmUp: true}
	row := ask(t.Context(), srv.URL, q, 2, time.Minute, false)
	if row.Errors() != 5 || row.Problems["TIMEOUT"] != 5 || row.errors() != "5 (5× TIMEOUT)" {
		t.Errorf("problems %v, shown as %q", row.Problems, row.errors())
	}
	q.timeout = 50 * time.Millisecond
	row = ask(t.Context(), srv.URL+"?slow", q, 2, time.Minute, false)
	if row.Errors() != 5 || row.Problems["no answer within 50ms"] != 5 {
		t.Errorf("problems %v", row.Problems)
	}
}

// TestLateAnswerCounted: an answer without error that comes after the
// service's request timeout is shown, since the deadline did not stop it.
func TestLateAnswerCounted(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(60 * time.Millisecond)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{"x":1}}`))
	}))
	defer srv.Close()
	q := question{label: "q", query: "{ x }", vars: make([]map[string]any, 3), timeout: time.Minute}
	if row := ask(t.Context(), srv.URL, q, 3, time.Second, false); row.Errors() != 0 {
		t.Errorf("answers within the limit counted as problems: %v", row.Problems)
	}
	row := ask(t.Context(), srv.URL, q, 3, 50*time.Millisecond, false)
	if row.Problems["answered with HTTP 200 past the 50ms request timeout"] != 3 {
		t.Errorf("late answers: %v", row.Problems)
	}
}

func TestNamed(t *testing.T) {
	assert.Equal(t, "query Q7($id: ID!) { x }", named("query($id: ID!) { x }", 7))
	assert.Equal(t, "query Q8 { x }", named("{ x }", 8))
}

// TestSteal: the share stolen is a share, and unknown is written as such.
func TestSteal(t *testing.T) {
	stolen := stealSince()
	for i := 0; i < 1e6; i++ { // let the clock tick over
		_ = strings.Repeat("x", i%7)
	}
	if s := stolen(); s != -1 && (s < 0 || s > 1) {
		t.Errorf("steal %v, want a share in [0, 1] (or -1: unknown)", s)
	}
	got, ok := parseCPUTimes("cpu  100 1 20 800 4 0 5 70 9 0")
	assert.True(t, ok)
	assert.Equal(t, cpuTimes{total: 1000, steal: 70}, got) // guest time is in user time already
	_, ok = parseCPUTimes("intr 1 2 3")
	assert.False(t, ok)
	assert.Equal(t, "?", percent(-1))
	assert.Equal(t, "12 %", percent(0.123))
}

// TestSearchTerms: distinct words, each found in some organisation's name,
// a quarter of them shorter.
func TestSearchTerms(t *testing.T) {
	n := synthetic.Network(synthetic.TierS, 1)
	terms := searchTerms(n, 40, 1)
	assert.Len(t, terms, 40)
	short := 0
	for i, term := range terms {
		assert.NotContains(t, terms[:i], term, "repeated")
		found := false
		for _, o := range n.Organisations {
			found = found || strings.Contains(strings.ToLower(o.Name.NL), term)
		}
		assert.True(t, found, "no organisation's name contains %q", term)
		if len(strings.Fields(term)[1]) == 2 {
			short++
			assert.Equal(t, 3, i%4, "a short word at %d", i)
		}
	}
	assert.Positive(t, short)
	assert.Equal(t, terms, searchTerms(n, 40, 1), "the same for the same seed")
}
