// Package export hands out buurtnet as files: a meeting briefing (which
// package briefing builds and renders) or the network itself (GraphML,
// GEXF, JSON, YAML). HTTP and the command line both parse their input into
// a Request and call Write, so the two cannot drift apart. Which formats a
// subject has, and which writer each one takes, is listed once, in the
// tables below.
package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

// Subject is what an export is of.
type Subject string

const (
	SubjectBriefing Subject = "briefing"
	SubjectNetwork  Subject = "network"
)

// Format is the file format of an export.
type Format string

const (
	FormatXLSX       Format = "xlsx"
	FormatCSV        Format = "csv"         // Belgian dialect
	FormatCSVRFC4180 Format = "csv-rfc4180" // plain
	FormatHTML       Format = "html"
	FormatPDF        Format = "pdf"
	FormatMarkdown   Format = "md"
	FormatJSON       Format = "json"
	FormatGraphML    Format = "graphml"
	FormatGEXF       Format = "gexf"
	FormatYAML       Format = "yaml"
)

// writer is a format and what writes a subject's data in it.
type writer[W any] struct {
	format Format
	write  W
}

// writeBriefing writes a built briefing; ts are its tables, cut to the
// request's part.
type writeBriefing func(w io.Writer, r *Request, b *briefing.Briefing, ts []briefing.Table) error

// writeNetwork writes a network with labels in lang.
type writeNetwork func(w io.Writer, n *buurtnet.Network, lang buurtnet.Lang) error

// briefingWriters and networkWriters are the formats of each subject, the
// first the default.
var (
	briefingWriters = []writer[writeBriefing]{
		{FormatXLSX, func(w io.Writer, _ *Request, _ *briefing.Briefing, ts []briefing.Table) error {
			return briefing.WriteXLSX(w, ts)
		}},
		{FormatCSV, csvWriter(briefing.Belgian)},
		{FormatCSVRFC4180, csvWriter(briefing.RFC4180)},
		{FormatHTML, document(briefing.WriteHTML)},
		{FormatPDF, document(briefing.WritePDF)},
		{FormatMarkdown, document(briefing.WriteMarkdown)},
		{FormatJSON, func(w io.Writer, _ *Request, b *briefing.Briefing, _ []briefing.Table) error { return writeJSON(w, b) }},
	}
	networkWriters = []writer[writeNetwork]{
		{FormatGraphML, WriteGraphML},
		{FormatGEXF, WriteGEXF},
		{FormatJSON, func(w io.Writer, n *buurtnet.Network, _ buurtnet.Lang) error { return writeJSON(w, n) }},
		{FormatYAML, writeYAML},
	}
)

// subject is one thing that can be exported: its formats, the first the
// default, and how it is written.
type subject struct {
	formats []Format
	write   func(r *Request, ctx context.Context, store buurtnet.Store, w io.Writer) error
}

var subjects = map[Subject]subject{
	SubjectBriefing: {formatsOf(briefingWriters), (*Request).writeBriefing},
	SubjectNetwork:  {formatsOf(networkWriters), (*Request).writeNetwork},
}

// Formats lists the formats of each subject; the first is the default.
var Formats = func() map[Subject][]Format {
	out := map[Subject][]Format{}
	for name, s := range subjects {
		out[name] = s.formats
	}
	return out
}()

// subjectOf returns what s names; EINVALID (field "subject") for anything
// else.
func subjectOf(s Subject) (subject, error) {
	sub, ok := subjects[s]
	if !ok {
		return subject{}, buurtnet.FieldError(buurtnet.EINVALID, "subject", "%q cannot be exported (briefing or network)", s)
	}
	return sub, nil
}

func formatsOf[W any](ws []writer[W]) []Format {
	out := make([]Format, len(ws))
	for i, w := range ws {
		out[i] = w.format
	}
	return out
}

func writerOf[W any](ws []writer[W], f Format) (W, error) {
	for _, w := range ws {
		if w.format == f {
			return w.write, nil
		}
	}
	var none W
	return none, fmt.Errorf("export: format %q has no writer", f)
}

// Request is one export.
type Request struct {
	Subject Subject
	// Scope is the briefing's scope. For a network, an empty Territory
	// exports the whole graph, a given one the briefing's part of it.
	Scope  briefing.Scope
	Format Format
	// Part restricts a briefing to one part; empty means all of them. A CSV
	// export of several parts is a ZIP archive of one file per part.
	Part briefing.Part
}

// Params is an export request as text, as query parameters and flags give
// it; they share these names.
type Params struct {
	Territory, Theme, On, Since, Format, Lang, Part string
}

// ParseRequest checks p for the subject name ("briefing" or "network"). Errors are
// EINVALID naming the parameter at fault; unknown territories and themes
// are only found when the request is written (ENOTFOUND).
func ParseRequest(name string, p Params) (*Request, error) {
	r := &Request{Subject: Subject(name), Format: Format(strings.ToLower(strings.TrimSpace(p.Format)))}
	sub, err := subjectOf(r.Subject)
	if err != nil {
		return nil, err
	}
	if r.Format == "" {
		r.Format = sub.formats[0]
	}
	if !slices.Contains(sub.formats, r.Format) {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "format", "a %s cannot be exported as %q (one of %v)", name, p.Format, sub.formats)
	}
	r.Scope = briefing.Scope{Territory: p.Territory, Theme: p.Theme, Lang: buurtnet.Lang(p.Lang)}
	for _, d := range []struct {
		field, text string
		into        *buurtnet.Date
	}{{"on", p.On, &r.Scope.On}, {"since", p.Since, &r.Scope.Since}} {
		if d.text == "" {
			continue
		}
		day, err := buurtnet.ParseDate(strings.TrimSpace(d.text))
		if err != nil {
			return nil, buurtnet.FieldError(buurtnet.EINVALID, d.field, "%v", err)
		}
		*d.into = day
	}
	if p.Part != "" {
		if !r.hasParts() {
			return nil, buurtnet.FieldError(buurtnet.EINVALID, "part", "part applies to a briefing as xlsx, csv, html or md, not to %s %s", r.Subject, r.Format)
		}
		part, err := briefing.ParsePart(p.Part)
		if err != nil {
			return nil, err
		}
		r.Part = part
	}
	if r.whole() && (strings.TrimSpace(r.Scope.Theme) != "" || p.Since != "") {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "territory", "a network is cut to a briefing's scope, which needs a territory")
	}
	if err := r.normalize(); err != nil {
		return nil, err
	}
	return r, nil
}

// hasParts reports whether the export is made of a briefing's tables, so
// that a part can be chosen.
func (r *Request) hasParts() bool {
	return r.Subject == SubjectBriefing && r.Format != FormatJSON
}

// whole reports whether the export is the whole network, not cut to a
// briefing's scope.
func (r *Request) whole() bool {
	return r.Subject == SubjectNetwork && strings.TrimSpace(r.Scope.Territory) == ""
}

// normalize checks the scope: a briefing's, unless the whole network is
// asked for, which has no territory.
func (r *Request) normalize() error {
	if r.whole() {
		return r.Scope.NormalizeFields()
	}
	return r.Scope.Normalize()
}

// Write builds the export from store and writes it to w. Errors are
// *buurtnet.Error as briefing.Build returns them; nothing is written before
// the data is complete, except when w itself fails.
func (r *Request) Write(ctx context.Context, store buurtnet.Store, w io.Writer) error {
	if err := r.normalize(); err != nil {
		return err
	}
	sub, err := subjectOf(r.Subject)
	if err != nil {
		return err
	}
	return sub.write(r, ctx, store, w)
}

func (r *Request) writeBriefing(ctx context.Context, store buurtnet.Store, w io.Writer) error {
	write, err := writerOf(briefingWriters, r.Format)
	if err != nil {
		return err
	}
	b, err := briefing.Build(ctx, store, r.Scope)
	if err != nil {
		return err
	}
	var parts []briefing.Part
	if r.Part != "" {
		parts = []briefing.Part{r.Part}
	}
	return write(w, r, b, briefing.Tables(b, parts...))
}

func (r *Request) writeNetwork(ctx context.Context, store buurtnet.Store, w io.Writer) error {
	write, err := writerOf(networkWriters, r.Format)
	if err != nil {
		return err
	}
	n, err := store.Snapshot(ctx)
	if err != nil {
		return fmt.Errorf("export network: %w", err)
	}
	n = n.ReadableBy(buurtnet.ActorFrom(ctx))
	if !r.whole() {
		b, err := briefing.Build(ctx, store, r.Scope)
		if err != nil {
			return err
		}
		n = Subgraph(n, b)
	}
	return write(w, n, r.Scope.Lang)
}

// csvWriter writes one part as a CSV file, several as a ZIP archive of
// them dated the export's day, so that the same briefing gives the same
// bytes.
func csvWriter(d briefing.Dialect) writeBriefing {
	return func(w io.Writer, r *Request, _ *briefing.Briefing, ts []briefing.Table) error {
		if r.Part != "" {
			return briefing.WriteCSV(w, ts[0], d)
		}
		return briefing.WriteCSVZip(w, ts, d, r.day())
	}
}

// document adapts a rendering of the whole briefing as one document.
func document(render func(io.Writer, *briefing.Briefing, []briefing.Table) error) writeBriefing {
	return func(w io.Writer, _ *Request, b *briefing.Briefing, ts []briefing.Table) error {
		return render(w, b, ts)
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeYAML writes the same document the demo network and imports are
// written in.
func writeYAML(w io.Writer, n *buurtnet.Network, _ buurtnet.Lang) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return err
	}
	return enc.Close()
}
