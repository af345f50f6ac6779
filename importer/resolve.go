package importer

import (
	"context"
	"fmt"

	"github.com/buurtnet/buurtnet"
)

// batch is how many links Import looks up in the store at once.
const batch = 500

// write is what Import hands the store: the network with every link end
// resolved to a stored or imported id, and where each link came from.
type write struct {
	network *buurtnet.Network
	at      []place // parallel to network.Links
	// problems and skipped: the first MaxProblems, and how many in all.
	problems, skipped          []Problem
	problemCount, skippedCount int
}

// resolve asks the store about the link ends the file does not hold, in
// batches, and leaves out the links with an end nobody has.
func resolve(ctx context.Context, store buurtnet.Store, net *buurtnet.Network, rep *Report, progress func(int, int)) (*write, error) {
	if progress == nil {
		progress = func(int, int) {}
	}
	w := &write{network: &buurtnet.Network{
		Territories: net.Territories, Themes: net.Themes, TargetGroups: net.TargetGroups, Functions: net.Functions,
		Funders: net.Funders, Organisations: net.Organisations, Projects: net.Projects, Persons: net.Persons,
		Consultations: net.Consultations, Cycles: net.Cycles, Meetings: net.Meetings,
	}}
	inFile := map[string]bool{}
	for _, n := range w.network.Nodes() {
		inFile[n.NodeID()] = true
	}
	total, done := len(inFile)+len(net.Links), len(inFile)
	progress(done, total)

	stored := map[string]string{} // reference → stored id; "" when the store has none
	for start := 0; start < len(net.Links); start += batch {
		chunk := net.Links[start:min(start+batch, len(net.Links))]
		if err := lookUp(ctx, store, chunk, inFile, stored); err != nil {
			return nil, err
		}
		for i, l := range chunk {
			at := rep.linkAt(start + i)
			if l = rewrite(l, inFile, stored, at, w, rep); l != nil {
				w.network.Links = append(w.network.Links, l)
				w.at = append(w.at, at)
			}
		}
		done += len(chunk)
		progress(done, total)
	}
	return w, nil
}

// lookUp fills stored for the ends of links that are neither in the file
// nor asked about yet: ids with one Nodes call, enterprise numbers with one
// Find each.
func lookUp(ctx context.Context, store buurtnet.Store, links []*buurtnet.Link, inFile map[string]bool, stored map[string]string) error {
	var ids, numbers []string
	for _, l := range links {
		for _, end := range []string{l.From, l.To} {
			if _, asked := stored[end]; asked || inFile[end] {
				continue
			}
			stored[end] = ""
			if n, ok := kboRef(end); ok {
				numbers = append(numbers, n)
			} else {
				ids = append(ids, end)
			}
		}
	}
	if len(ids) > 0 {
		found, err := store.Nodes(ctx, ids)
		if err != nil {
			return fmt.Errorf("look up link ends: %w", err)
		}
		for _, n := range found {
			stored[n.NodeID()] = n.NodeID()
		}
	}
	for _, n := range numbers {
		found, _, err := store.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, EnterpriseNumber: n, Limit: 1})
		if err != nil {
			return fmt.Errorf("look up enterprise number %s: %w", n, err)
		}
		if len(found) > 0 {
			stored["kbo:"+n] = found[0].NodeID()
		}
	}
	return nil
}

// rewrite returns l with its ends as the store knows them (a copy when one
// changes), or nil, with a problem, when an end is nowhere.
func rewrite(l *buurtnet.Link, inFile map[string]bool, stored map[string]string, at place, w *write, rep *Report) *buurtnet.Link {
	out, ok := l, true
	for _, end := range []struct {
		field string
		id    string
	}{{"from", l.From}, {"to", l.To}} {
		if inFile[end.id] {
			continue
		}
		id := stored[end.id]
		if id == "" {
			ok = false
			p := at.problem(end.field, "%q is neither in the file nor in the store", end.id)
			if n, isRef := kboRef(end.id); isRef {
				p = at.problem(end.field, "no organisation with enterprise number %s, in the file or in the store", n)
			}
			w.problems, w.problemCount = rep.keep(w.problems, p), w.problemCount+1
			continue
		}
		if id != end.id {
			if out == l {
				c := *l
				out = &c
			}
			if end.field == "from" {
				out.From = id
			} else {
				out.To = id
			}
		}
	}
	if !ok {
		w.skipped, w.skippedCount = rep.keep(w.skipped, at.problem("", "left out: the row has problems")), w.skippedCount+1
		return nil
	}
	return out
}

// linkAt is where link i of the network came from.
func (r *Report) linkAt(i int) place {
	if i < len(r.links) {
		return r.links[i]
	}
	return place{sheet: &source{name: "links", column: func(f string) string { return f }}, row: i + 1}
}
