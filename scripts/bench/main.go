// Command bench measures buurtnet on a generated network of one tier (see
// package synthetic): it builds the service, imports the network with
// `buurtnet import` -imports times, each into an empty store (import rate
// of each and their median, peak RSS, the CPU time the host stole), starts
// `buurtnet serve --rate-limit 0 --max-concurrent 0` on a free loopback port as a child
// process, asks each question -n times over HTTP with -c clients, and
// prints a Markdown table of p50/p99 per question with the errors counted,
// then the service's peak RSS and its RSS after the run.
//
//	go run ./scripts/bench -tier M -store sqlite
//	source scripts/lib/neo4j.sh && neo4j_start && go run ./scripts/bench -tier S -store neo4j; neo4j_stop
//
// SQLite: a fresh database file in a temporary directory. Neo4j: the server
// NEO4J_URI names (with NEO4J_USERNAME / NEO4J_PASSWORD), which must be on
// this machine and empty, or emptied with -wipe; scripts/lib/neo4j.sh
// starts a throw-away one. Everything stays on loopback, every request has a
// client timeout, and nothing is retried.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/buurtnet/buurtnet/synthetic"
)

func main() {
	var cfg Config
	tier := flag.String("tier", "S", "network size: S (a city), M (a region) or L (the country)")
	flag.Int64Var(&cfg.Seed, "seed", 1, "seed of the generated network")
	flag.StringVar(&cfg.Store, "store", "sqlite", "store: sqlite (a fresh file) or neo4j (the empty server NEO4J_URI names)")
	flag.BoolVar(&cfg.Wipe, "wipe", false, "neo4j: delete what the database holds first (it must be on this machine)")
	flag.IntVar(&cfg.N, "n", 200, "requests per question")
	flag.IntVar(&cfg.C, "c", 4, "concurrent clients")
	flag.IntVar(&cfg.ProvinceRequests, "n-province", 3, "requests for the province-wide synergies")
	flag.IntVar(&cfg.RegionRequests, "n-region", 1, "requests for the region-wide synergies (0: skip)")
	flag.DurationVar(&cfg.Timeout, "timeout", time.Minute, "client timeout of one request")
	flag.DurationVar(&cfg.RegionTimeout, "region-timeout", 2*time.Minute, "client timeout of one province- or region-wide request")
	flag.DurationVar(&cfg.RequestTimeout, "request-timeout", 30*time.Second, "the service's --request-timeout (its default)")
	flag.BoolVar(&cfg.Uncached, "uncached", false, "name each request's operation differently, so that no answer comes from the service's response cache")
	flag.IntVar(&cfg.Imports, "imports", 3, "imports of the network, each into an empty store; the report gives each and their median")
	flag.StringVar(&cfg.Binary, "bin", "", "buurtnet binary to run (default: go build ./cmd/buurtnet)")
	flag.Parse()
	t, err := synthetic.ParseTier(*tier)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	cfg.Tier = t
	cfg.Neo4jURI = os.Getenv("NEO4J_URI")
	cfg.Log = os.Stderr

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := Run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	rep.Markdown(os.Stdout)
}
