// Command loadtest puts a bounded load on a buurtnet service on this
// machine and reports throughput and latency per question.
//
//	go run ./scripts/loadtest                       # starts its own service on the demo network
//	go run ./scripts/loadtest -url http://127.0.0.1:8080/query -token bnt_…
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
	"github.com/buurtnet/buurtnet/scripts/internal/gql"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
)

// mix is what facilitators' front-ends ask most, with its share of requests.
var mix = []struct {
	name, query string
	weight      int
}{
	{"projects", `{ projects(first: 20) { totalCount nodes { id name partners { role organisation { name } } territories { territory { name } } } } }`, 4},
	{"overlaps", `{ overlaps(project: "project:boost") { project { name } places { relation territory { name } otherTerritory { name } } funders { name } } }`, 3},
	{"synergies", `{ synergies(territory: "territory:brussels-region", first: 10) { score reasons { code message } projects { name } } }`, 2},
	{"gaps", `{ gaps(territory: "territory:brabantwijk") { missingFunctions { name } coveredThemes { theme { name } projects { name } } } }`, 1},
}

func main() {
	target := flag.String("url", "", "GraphQL endpoint on this machine; empty: start a service on the demo network")
	token := flag.String("token", "", "bearer token, if the service needs one")
	workers := flag.Int("c", 8, "concurrent clients")
	requests := flag.Int("requests", 5000, "stop after this many requests")
	duration := flag.Duration("duration", 30*time.Second, "stop after this long")
	flag.Parse()

	if *target == "" {
		srv, stop, err := demoService()
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
	run(*target, *token, *workers, *requests, *duration)
}

func demoService() (string, func(), error) {
	dir, err := os.MkdirTemp("", "buurtnet-load")
	if err != nil {
		return "", nil, err
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(dir, "load.db"))
	if err != nil {
		return "", nil, err
	}
	demo, err := buurtnet.DemoNetwork()
	if err != nil {
		return "", nil, err
	}
	if _, err := db.Apply(ctx, demo, buurtnet.ApplyOptions{}); err != nil {
		return "", nil, err
	}
	srv := httptest.NewServer(server.NewHandler(server.Config{Store: db,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	return srv.URL, func() { srv.Close(); db.Close(); os.RemoveAll(dir) }, nil
}

func run(target, token string, workers, requests int, duration time.Duration) {
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
