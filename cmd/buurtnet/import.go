package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/importer"
)

const importUsage = `usage: buurtnet import FILE [--dry-run] [--valid-only] [--store …] [--sheet NAME]

FILE is an .xlsx workbook, a .csv file named after its sheet
(organisations.csv, links.csv …), or a .json / .yaml network document.
See "Importing" in the README for the spreadsheet layout.`

// runImport is `buurtnet import`: it prints every problem of the file (sheet,
// row, column), refuses a file with problems unless --valid-only, then
// prints what was (or, with --dry-run, would be) created, updated and left
// alone. The report goes to stdout; progress to stderr, as a bar on a
// terminal and as log lines otherwise.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("buurtnet import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, importUsage); fs.PrintDefaults() }
	dsn := fs.String("store", env("BUURTNET_STORE", NewMain().StoreDSN), "store: a SQLite file path (BUURTNET_STORE)")
	dryRun := fs.Bool("dry-run", false, "check and count everything, write nothing")
	validOnly := fs.Bool("valid-only", false, "import the rows without problems when some have problems")
	sheet := fs.String("sheet", "", "for a CSV file whose name does not say it: the sheet it holds (organisations, links …)")
	// The file may come before, between or after the flags.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		files, args = append(files, fs.Arg(0)), fs.Args()[1:]
	}
	if len(files) != 1 {
		fs.Usage()
		return errors.New("import takes one file")
	}

	net, rep, err := readFile(ctx, files[0], *sheet)
	if err != nil {
		return err
	}
	var res *importer.Result
	err = fillStore(ctx, *dsn, !*dryRun, func(store buurtnet.Store) (err error) {
		res, err = importer.Import(ctx, store, net, rep, importer.Options{
			DryRun: *dryRun, ValidOnly: *validOnly, Progress: progress(stderr),
		})
		if err == nil && !res.Applied {
			err = errNothingImported // a new file is not kept
		}
		return err
	})
	if err != nil && !errors.Is(err, errNothingImported) {
		return fmt.Errorf("import %s: %w", files[0], err)
	}
	for _, p := range res.Problems {
		fmt.Fprintln(stdout, p)
	}
	if more := res.ProblemCount - len(res.Problems); more > 0 {
		fmt.Fprintf(stdout, "… and %d more problem(s), not listed: fix the first ones and try again.\n", more)
	}
	if !res.Applied {
		return fmt.Errorf("%s: %d problem(s); nothing was imported (--valid-only imports the rows without problems)", files[0], res.ProblemCount)
	}
	printSummary(stdout, res)
	return nil
}

// errNothingImported tells fillStore that the import refused the file.
var errNothingImported = errors.New("nothing was imported")

func readFile(ctx context.Context, path, sheet string) (*buurtnet.Network, *importer.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	if sheet != "" && strings.EqualFold(filepath.Ext(path), ".csv") {
		return importer.ReadCSV(ctx, sheet, f)
	}
	// The operator imports a file of their own machine: a whole country's
	// network document is welcome here, unlike in an upload.
	return importer.ReadWithin(ctx, path, f, importer.LocalDocumentLimits)
}

func printSummary(w io.Writer, res *importer.Result) {
	verb := "Imported"
	if res.DryRun {
		verb = "Dry run, nothing written; the import would give"
	}
	fmt.Fprintf(w, "%s: %d created, %d updated, %d unchanged, %d skipped.\n",
		verb, len(res.Created), len(res.Updated), res.Unchanged, res.SkippedCount)
	for _, p := range res.Skipped {
		fmt.Fprintln(w, "  skipped:", p)
	}
	if more := res.SkippedCount - len(res.Skipped); more > 0 {
		fmt.Fprintf(w, "  … and %d more skipped row(s), not listed.\n", more)
	}
	if res.DryRun { // what a dry run is for: see what would change
		for _, id := range res.Created {
			fmt.Fprintln(w, "  + "+id)
		}
		for _, id := range res.Updated {
			fmt.Fprintln(w, "  ~ "+id)
		}
	}
}

// progress draws a bar on a terminal and logs counts elsewhere (a log file
// has no use for carriage returns).
func progress(w io.Writer) func(done, total int) {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		last := -1
		return func(done, total int) {
			pct := 100
			if total > 0 {
				pct = done * 100 / total
			}
			if pct == last {
				return
			}
			last = pct
			fmt.Fprintf(w, "\rchecking [%-20s] %3d%%", strings.Repeat("#", pct/5), pct)
			if done == total {
				fmt.Fprintln(w, "\napplying, in one transaction …")
			}
		}
	}
	log := slog.New(slog.NewTextHandler(w, nil))
	next := 0 // log at 0, 25, 50, 75 and 100 %
	return func(done, total int) {
		if done == total || total > 0 && done*100/total >= next {
			log.Info("import: checked against the store", "entries", done, "total", total)
			next = done*100/max(total, 1)/25*25 + 25
		}
	}
}
