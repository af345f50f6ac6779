// Command gen writes a generated network (see package synthetic) as a JSON
// network document that `buurtnet import` reads, and the ids of its
// projects, one a line, for the peer benchmark's PROJECT_IDS.
//
//	go run ./scripts/gen -tier M -seed 1 -o region.json
//	buurtnet import region.json --store region.db
//	PROJECT_IDS=region-project-ids.txt node ../shared/peer-bench/bench.mjs
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/buurtnet/buurtnet/synthetic"
)

func main() {
	tier := flag.String("tier", "S", "size: S (a city), M (a region) or L (the country)")
	seed := flag.Int64("seed", 1, "seed: the same tier and seed give the same network")
	out := flag.String("o", "", "network document to write (default network-<tier>-<seed>.json)")
	ids := flag.String("ids", "", "project id list to write (default: the document's name with -project-ids.txt)")
	flag.Parse()
	t, err := synthetic.ParseTier(*tier)
	if err != nil {
		fail(err)
	}
	if *out == "" {
		*out = fmt.Sprintf("network-%s-%d.json", t, *seed)
	}
	if *ids == "" {
		*ids = strings.TrimSuffix(*out, ".json") + "-project-ids.txt"
	}
	n := synthetic.Network(t, *seed)
	if err := writeFile(*out, func(w *bufio.Writer) error { return json.NewEncoder(w).Encode(n) }); err != nil {
		fail(err)
	}
	if err := writeFile(*ids, func(w *bufio.Writer) error {
		for _, id := range synthetic.ProjectIDs(t, *seed) {
			if _, err := fmt.Fprintln(w, id); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		fail(err)
	}
	fmt.Printf("%s: tier %s, seed %d: %d territories, %d organisations, %d projects, %d entities and %d links; project ids in %s\n",
		*out, t, *seed, len(n.Territories), len(n.Organisations), len(n.Projects), len(n.Nodes()), len(n.Links), *ids)
}

func writeFile(path string, write func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}
