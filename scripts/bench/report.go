package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/buurtnet/buurtnet/scripts/internal/gql"
)

// Markdown writes the report as a heading line, a table ready for the
// README, and the import and memory figures.
func (r *Report) Markdown(w io.Writer) {
	c := r.Config
	store := map[string]string{"sqlite": "SQLite", "neo4j": "Neo4j"}[c.Store]
	uncached := ""
	if c.Uncached {
		uncached = " `-uncached` (no answer from the response cache)"
	}
	fmt.Fprintf(w, "Tier %s (seed %d) on %s, %s, %s; `-n %d -c %d`%s, `--rate-limit 0 --max-concurrent 0`.\n", c.Tier, c.Seed, store, r.Date.Format(time.DateOnly), r.Machine, c.N, c.C, uncached)
	fmt.Fprintf(w, "Network: %s territories, %s organisations, %s projects; %s entities and %s links.\n\n",
		thousands(r.Network.Territories), thousands(r.Network.Organisations), thousands(r.Network.Projects), thousands(r.Network.Entities), thousands(r.Network.Links))
	fmt.Fprintln(w, "| question | requests | p50 | p99 | errors |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---|")
	for _, row := range r.Rows {
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s |\n", row.Question, len(row.Latencies),
			ms(gql.Percentile(row.Latencies, 50)), ms(gql.Percentile(row.Latencies, 99)), row.errors())
	}
	imp := r.MedianImport()
	var each, stolen []string
	var peak int64
	for _, run := range r.Imports {
		each = append(each, thousands(r.rate(run)))
		stolen = append(stolen, percent(run.Steal))
		peak = max(peak, run.PeakRSS)
	}
	fmt.Fprintf(w, "| `buurtnet import` of the JSON document, median of %d | %d | %s | | %s links/s, peak RSS %s |\n",
		len(r.Imports), len(r.Imports), ms(imp.Took), thousands(r.rate(imp)), mb(peak))
	fmt.Fprintf(w, "\nImports: %s links/s, in the order they ran (CPU time stolen by the host meanwhile: %s).\n",
		strings.Join(each, ", "), strings.Join(stolen, ", "))
	fmt.Fprintf(w, "Service RSS: peak %s (VmHWM), %s after the run. Load average %s when the questions began, %s at the end; %s of the CPU time stolen by the host while they were asked.\n",
		mb(r.PeakRSS), mb(r.AfterRSS), r.Load[0], r.Load[1], percent(r.Steal))
}

// rate is an import's links per second.
func (r *Report) rate(run Import) int {
	return int(float64(r.Network.Links) / run.Took.Seconds())
}

// errors says how many requests failed and how: "0", "1: TIMEOUT".
func (row Row) errors() string {
	if row.Errors() == 0 {
		return "0"
	}
	var kinds []string
	for p, n := range row.Problems {
		kinds = append(kinds, fmt.Sprintf("%d× %s", n, strings.ReplaceAll(p, "|", `\|`)))
	}
	slices.Sort(kinds)
	return fmt.Sprintf("%d (%s)", row.Errors(), strings.Join(kinds, "; "))
}

// ms writes a latency the way the README does: "3.2 ms", "142 ms", "13.4 s".
func ms(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= 100*time.Millisecond:
		return thousands(int(d.Milliseconds())) + " ms"
	}
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

func mb(b int64) string { return fmt.Sprintf("%d MB", b/1_000_000) }

// thousands writes n with commas: 138,470.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
