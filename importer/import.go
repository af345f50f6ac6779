package importer

import (
	"context"
	"regexp"
	"slices"
	"strconv"

	"github.com/buurtnet/buurtnet"
)

// Options steer Import.
type Options struct {
	// DryRun checks and counts everything as a real run would, and writes
	// nothing.
	DryRun bool
	// ValidOnly imports the rows without problems when some rows have them;
	// the others, and links to or from them, are left out and listed in
	// Result.Skipped. Without it a file with problems writes nothing.
	ValidOnly bool
	// Progress, when set, is told how many of the entries (entities and
	// links) have been checked against the store. The write that follows is
	// one transaction, which reports no progress of its own: that is the
	// price of an import that happens whole or not at all.
	Progress func(done, total int)
}

// Result is what Import did or, in a dry run, would do.
type Result struct {
	DryRun bool
	// Applied: the store applied the network (in a dry run: checked it and
	// would have). False when problems stopped the import.
	Applied bool
	// Created and Updated hold the ids of entities and the keys of links, as
	// the store knows them (an organisation matched by enterprise number
	// under its stored id).
	Created, Updated []string
	Unchanged        int
	// Problems found in the file and by the store, in file order: the first
	// MaxProblems. When there are any and ValidOnly was not asked for,
	// nothing was written.
	Problems []Problem
	// ProblemCount is how many problems there were, listed or not.
	ProblemCount int
	// Skipped lists the rows left out of a ValidOnly import: the first
	// MaxProblems.
	Skipped []Problem
	// SkippedCount is how many rows were left out, listed or not.
	SkippedCount int
}

// Import loads the network Read returned into the store with one call to
// Store.Apply: one transaction, so an interrupted or refused import leaves
// the store as it was. It first looks up the link ends the file does not
// hold (ids, and kbo: references), and reports those the store does not
// have either on their rows. Importing the same file twice changes nothing
// the second time.
//
// rep is the report Read returned with net; nil for a network that was not
// read from a file, which is then checked here (problems name its sections
// and entries). Problems are the answer, not an error: the error is for a
// store that fails.
func Import(ctx context.Context, store buurtnet.Store, net *buurtnet.Network, rep *Report, opts Options) (*Result, error) {
	if net == nil {
		return nil, buurtnet.Errorf(buurtnet.EINVALID, "no network to import")
	}
	if rep == nil {
		// A network built in memory is the caller's own: no upload bounds.
		var err error
		if net, rep, err = readDocument(ctx, net, LocalDocumentLimits.Entries); err != nil {
			return nil, err
		}
	}
	res := &Result{DryRun: opts.DryRun}
	w, err := resolve(ctx, store, net, rep, opts.Progress)
	if err != nil {
		return nil, err
	}
	res.Problems, res.ProblemCount = slices.Clone(rep.Problems), rep.ProblemCount+w.problemCount
	for _, p := range w.problems {
		res.Problems = rep.keep(res.Problems, p)
	}
	if res.ProblemCount > 0 && !opts.ValidOnly {
		return res, nil
	}
	report, err := store.Apply(ctx, w.network, buurtnet.ApplyOptions{DryRun: opts.DryRun})
	if err != nil {
		p, ok := applyProblem(err, rep, w.at)
		if !ok {
			return nil, err
		}
		res.Problems, res.ProblemCount = rep.keep(res.Problems, p), res.ProblemCount+1
		return res, nil
	}
	res.Applied = true
	res.Created, res.Updated, res.Unchanged = report.Created, report.Updated, report.Unchanged
	res.Skipped, res.SkippedCount = slices.Clone(rep.Skipped), rep.SkippedCount+w.skippedCount
	for _, p := range w.skipped {
		res.Skipped = rep.keep(res.Skipped, p)
	}
	return res, nil
}

var entityField = regexp.MustCompile(`^(\w+)\[([^\]]*)\](?:\.(.+))?$`)

// applyProblem places an error of Store.Apply on the row it is about, for
// what only the store can find (an enterprise number another organisation
// holds, a territory made part of itself). Other errors are failures.
func applyProblem(err error, rep *Report, at []place) (Problem, bool) {
	switch buurtnet.ErrorCode(err) {
	case buurtnet.EINVALID, buurtnet.ECONFLICT, buurtnet.ENOTFOUND:
	default:
		return Problem{}, false
	}
	field, msg := buurtnet.ErrorField(err), buurtnet.ErrorMessage(err)
	if m := entityField.FindStringSubmatch(field); m != nil {
		if m[1] == "links" {
			if i, err := strconv.Atoi(m[2]); err == nil && i >= 0 && i < len(at) {
				return at[i].problem(m[3], "%s", msg), true
			}
		} else if p, ok := rep.nodes[m[2]]; ok {
			return p.problem(m[3], "%s", msg), true
		}
	}
	if p, ok := rep.nodes[field]; ok { // a duplicate id is named alone
		return p.problem("id", "%s", msg), true
	}
	if field != "" {
		msg = field + ": " + msg
	}
	return Problem{Message: msg}, true
}
