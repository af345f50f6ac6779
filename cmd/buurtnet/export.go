package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/buurtnet/buurtnet/briefing"
	"github.com/buurtnet/buurtnet/export"
)

const exportUsage = `usage: buurtnet export briefing --territory ID [--theme ID] [--on DAY] [--since DAY]
                       [--format xlsx|csv|csv-rfc4180|html|pdf|md|json] [--lang nl|fr|en] [--part NAME] [--out FILE]
       buurtnet export network [--format graphml|gexf|json|yaml] [--territory ID …] [--out FILE]

Ids may be given without their prefix (--territory brabantwijk). DAY is
YYYY-MM-DD. A CSV export of a whole briefing is a ZIP archive of one file
per part; --part names one. The file is written to --out, by default to
the name GET /export/… would suggest, in the current directory; "-" is
standard output.`

// runExport is `buurtnet export`: the exports of GET /export/…, with the
// same parameters as flags, written through the same export.Request.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, exportUsage)
		return errors.New("export: say what to export: briefing or network")
	}
	subject, args := args[0], args[1:]
	fs := flag.NewFlagSet("buurtnet export "+subject, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, exportUsage); fs.PrintDefaults() }
	dsn := fs.String("store", env("BUURTNET_STORE", NewMain().StoreDSN), "store: a SQLite file path, or :memory: (BUURTNET_STORE)")
	demo := fs.Bool("demo", false, "load the demo network into an empty store first (with --store :memory:, export the demo)")
	out := fs.String("out", "", `file to write; "-" for standard output (default: the suggested file name)`)
	var p export.Params
	fs.StringVar(&p.Territory, "territory", "", "territory id (required for a briefing)")
	fs.StringVar(&p.Theme, "theme", "", "theme id: only projects addressing it")
	fs.StringVar(&p.On, "on", "", "meeting day: only projects running then (default: no date restriction)")
	fs.StringVar(&p.Since, "since", "", "previous meeting's day: list what changed after it")
	fs.StringVar(&p.Format, "format", "", "file format (default: xlsx for a briefing, graphml for a network)")
	fs.StringVar(&p.Lang, "lang", "nl", "language of names and headings: nl, fr or en")
	fs.StringVar(&p.Part, "part", "", "one part of a briefing only: "+partNames())
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("export: unexpected %q", fs.Arg(0))
	}
	req, err := export.ParseRequest(subject, p)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}

	if err := mustExist(*dsn, *demo); err != nil {
		return err
	}
	store, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer store.Close()
	if *demo {
		if err := loadDemoIfEmpty(ctx, store, slog.New(slog.NewTextHandler(stderr, nil))); err != nil {
			return err
		}
	}

	// Written whole first, so that a failed export leaves no half file.
	var body bytes.Buffer
	if err := req.Write(ctx, store, &body); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	switch *out {
	case "-":
		_, err = body.WriteTo(stdout)
		return err
	case "":
		*out = req.Filename()
	}
	if err := os.WriteFile(*out, body.Bytes(), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(stderr, "wrote %s (%d bytes)\n", *out, body.Len())
	return nil
}

// mustExist refuses a store file that is not there: opening it would
// create an empty database, and export an empty briefing from it.
func mustExist(dsn string, demo bool) error {
	if demo || dsn == ":memory:" || strings.Contains(dsn, "://") {
		return nil
	}
	if _, err := os.Stat(dsn); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("export: no store at %s (give --store, or start buurtnet serve once)", dsn)
	}
	return nil
}

func partNames() string {
	names := make([]string, len(briefing.Parts))
	for i, p := range briefing.Parts {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}
