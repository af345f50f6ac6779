// Command loadtest puts a bounded load on a buurtnet service on this
// machine and reports throughput and latency per question.
//
//	go run ./scripts/loadtest                       # starts its own service on the demo network
//	go run ./scripts/loadtest -tier M               # … on a generated region (package synthetic)
//	go run ./scripts/loadtest -url http://127.0.0.1:8080/query -token bnt_…
//
// With -tier and -url, the service must hold that tier's network (seed 1):
// the questions name its ids.
//
// It only talks to loopback addresses, stops after -requests or -duration,
// whichever comes first, and never retries.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/scripts/internal/gql"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/synthetic"
)

// subjects are the ids the questions ask about.
type subjects struct{ project, synergies, gaps string }

// demoSubjects are those of the demo network: the synergies of the whole
// (small) region.
var demoSubjects = subjects{project: "project:boost", synergies: "territory:brussels-region", gaps: "territory:brabantwijk"}

// tierSubjects are those of a generated network: the synergies of one
// municipality (scripts/bench times the region-wide ones); project 0 is
// region-wide, project 1 a typical one.
var tierSubjects = subjects{project: synthetic.ProjectID(1), synergies: synthetic.MunicipalityID(0), gaps: synthetic.NeighbourhoodID(0)}

type request struct {
	name, query string
	weight      int
}

// mixOf is what facilitators' front-ends ask most, with its share of requests.
func mixOf(s subjects) []request {
	return []request{
		{"projects", `{ projects(first: 20) { totalCount nodes { id name partners { role organisation { name } } territories { territory { name } } } } }`, 4},
		{"overlaps", fmt.Sprintf(`{ overlaps(project: %q) { project { name } places { relation territory { name } otherTerritory { name } } funders { name } } }`, s.project), 3},
		{"synergies", fmt.Sprintf(`{ synergies(territory: %q, first: 10) { score reasons { code message } projects { name } } }`, s.synergies), 2},
		{"gaps", fmt.Sprintf(`{ gaps(territory: %q) { missingFunctions { name } coveredThemes { theme { name } projects { name } } } }`, s.gaps), 1},
	}
}

func main() {
	target := flag.String("url", "", "GraphQL endpoint on this machine; empty: start a service on the demo network (or -tier's)")
	tier := flag.String("tier", "", "a generated network, S, M or L (seed 1), instead of the demo network")
	token := flag.String("token", "", "bearer token, if the service needs one")
	workers := flag.Int("c", 8, "concurrent clients")
	requests := flag.Int("requests", 5000, "stop after this many requests")
	duration := flag.Duration("duration", 30*time.Second, "stop after this long")
	flag.Parse()

	network, who := demo.Network, demoSubjects
	if *tier != "" {
		t, err := synthetic.ParseTier(*tier)
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(2)
		}
		network = func() (*buurtnet.Network, error) { return synthetic.Network(t, 1), nil }
		who = tierSubjects
	}
	if *target == "" {
		srv, stop, err := service(network)
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
		defer stop()
		*target = srv + "/query"
	}
	if err := gql.MustBeLoopback(*target); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(2)
	}
	run(*target, *token, mixOf(who), *workers, *requests, *duration)
}

// service serves the network on an in-process server over a fresh SQLite file.
func service(network func() (*buurtnet.Network, error)) (string, func(), error) {
	dir, err := os.MkdirTemp("", "buurtnet-load")
	if err != nil {
		return "", nil, err
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(dir, "load.db"))
	if err != nil {
		return "", nil, err
	}
	n, err := network()
	if err != nil {
		return "", nil, err
	}
	if _, err := db.Apply(ctx, n, buurtnet.ApplyOptions{}); err != nil {
		return "", nil, err
	}
	srv := httptest.NewServer(server.NewHandler(server.Config{Store: db,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	return srv.URL, func() { srv.Close(); db.Close(); os.RemoveAll(dir) }, nil
}

func run(target, token string, mix []request, workers, requests int, duration time.Duration) {
	var deck []int // request kinds, weighted
	for i, m := range mix {
		for range m.weight {
			deck = append(deck, i)
		}
	}
	var (
		next      atomic.Int64
		mu        sync.Mutex
		latencies = make([][]time.Duration, len(mix))
		failures  = make([]int, len(mix))
		wg        sync.WaitGroup
	)
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	client := &http.Client{Timeout: 10 * time.Second}
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				n := next.Add(1)
				if n > int64(requests) {
					return
				}
				kind := deck[int(n)%len(deck)]
				r := gql.Post(ctx, client, target, token, mix[kind].query, nil)
				mu.Lock()
				latencies[kind] = append(latencies[kind], r.Took)
				if !r.OK() {
					failures[kind]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	total := 0
	fmt.Printf("%-10s %8s %8s %9s %9s %9s\n", "question", "requests", "failed", "p50", "p95", "p99")
	for i, m := range mix {
		l := latencies[i]
		total += len(l)
		slices.Sort(l)
		fmt.Printf("%-10s %8d %8d %9s %9s %9s\n", m.name, len(l), failures[i], pct(l, 50), pct(l, 95), pct(l, 99))
	}
	fmt.Printf("%d requests in %s with %d clients: %.0f requests/s\n", total, elapsed.Round(time.Millisecond), workers, float64(total)/elapsed.Seconds())
}

func pct(sorted []time.Duration, p int) time.Duration {
	return gql.Percentile(sorted, p).Round(10 * time.Microsecond)
}
