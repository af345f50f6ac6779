package briefing

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/buurtnet/buurtnet"
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
	FormatMarkdown   Format = "md"
	FormatPDF        Format = "pdf"
	FormatJSON       Format = "json"
	FormatGraphML    Format = "graphml"
	FormatGEXF       Format = "gexf"
	FormatYAML       Format = "yaml"
)

// Formats lists the formats of each subject; the first is the default.
var Formats = map[Subject][]Format{
	SubjectBriefing: {FormatXLSX, FormatCSV, FormatCSVRFC4180, FormatHTML, FormatPDF, FormatMarkdown, FormatJSON},
	SubjectNetwork:  {FormatGraphML, FormatGEXF, FormatJSON, FormatYAML},
}

// Request is one export. HTTP and the command line both parse their input
// into a Request and call Write, so the two cannot drift apart.
type Request struct {
	Subject Subject
	// Scope is the briefing's scope. For a network, an empty Territory
	// exports the whole graph, a given one the briefing's part of it.
	Scope  Scope
	Format Format
	// Part restricts a briefing to one part; empty means all of them. A CSV
	// export of several parts is a ZIP archive of one file per part.
	Part Part
}

// Params is an export request as text, as query parameters and flags give
// it; they share these names.
type Params struct {
	Territory, Theme, On, Since, Format, Lang, Part string
}

// ParseRequest checks p for subject ("briefing" or "network"). Errors are
// EINVALID naming the parameter at fault; unknown territories and themes
// are only found when the request is written (ENOTFOUND).
func ParseRequest(subject string, p Params) (*Request, error) {
	r := &Request{Subject: Subject(subject), Format: Format(strings.ToLower(strings.TrimSpace(p.Format)))}
	formats, ok := Formats[r.Subject]
	if !ok {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "subject", "%q cannot be exported (briefing or network)", subject)
	}
	if r.Format == "" {
		r.Format = formats[0]
	}
	if !hasFormat(formats, r.Format) {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "format", "a %s cannot be exported as %q (one of %v)", subject, p.Format, formats)
	}
	r.Scope = Scope{Territory: p.Territory, Theme: p.Theme, Lang: buurtnet.Lang(p.Lang)}
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
		if r.Subject == SubjectNetwork || r.Format == FormatJSON {
			return nil, buurtnet.FieldError(buurtnet.EINVALID, "part", "part applies to a briefing as xlsx, csv, html or md, not to %s %s", r.Subject, r.Format)
		}
		part, err := ParsePart(p.Part)
		if err != nil {
			return nil, err
		}
		r.Part = part
	}
	whole := r.Subject == SubjectNetwork && strings.TrimSpace(r.Scope.Territory) == ""
	if whole && (strings.TrimSpace(r.Scope.Theme) != "" || p.Since != "") {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "territory", "a network is cut to a briefing's scope, which needs a territory")
	}
	if err := r.normalize(); err != nil {
		return nil, err
	}
	return r, nil
}

// normalize checks the scope; a network needs no territory.
func (r *Request) normalize() error {
	return r.Scope.check(r.Subject != SubjectNetwork || strings.TrimSpace(r.Scope.Territory) != "")
}

func hasFormat(fs []Format, f Format) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

// Write builds the export from store and writes it to w. Errors are
// *buurtnet.Error as Build returns them; nothing is written before the data
// is complete, except when w itself fails.
func (r *Request) Write(ctx context.Context, store buurtnet.Store, w io.Writer) error {
	if err := r.normalize(); err != nil {
		return err
	}
	if r.Subject == SubjectNetwork {
		return r.writeNetwork(ctx, store, w)
	}
	b, err := Build(ctx, store, r.Scope)
	if err != nil {
		return err
	}
	return r.writeBriefing(b, w)
}

func (r *Request) writeBriefing(b *Briefing, w io.Writer) error {
	var parts []Part
	if r.Part != "" {
		parts = []Part{r.Part}
	}
	ts := Tables(b, parts...)
	switch r.Format {
	case FormatXLSX:
		return WriteXLSX(w, ts)
	case FormatCSV, FormatCSVRFC4180:
		d := Belgian
		if r.Format == FormatCSVRFC4180 {
			d = RFC4180
		}
		if r.Part != "" {
			return WriteCSV(w, ts[0], d)
		}
		return WriteCSVZip(w, ts, d, dayTime(r.day()))
	case FormatHTML:
		return WriteHTML(w, b, ts)
	case FormatPDF:
		return WritePDF(w, b, ts)
	case FormatMarkdown:
		return WriteMarkdown(w, b, ts)
	case FormatJSON:
		return writeJSON(w, b)
	}
	return fmt.Errorf("briefing: format %q has no writer", r.Format)
}

func (r *Request) writeNetwork(ctx context.Context, store buurtnet.Store, w io.Writer) error {
	n, err := store.Snapshot(ctx)
	if err != nil {
		return fmt.Errorf("export network: %w", err)
	}
	if !buurtnet.ActorFrom(ctx).IsAuthenticated() {
		n = n.WithoutPersons() // contact persons are for signed-in callers only
	}
	if r.Scope.Territory != "" {
		b, err := Build(ctx, store, r.Scope)
		if err != nil {
			return err
		}
		n = Subgraph(n, b)
	}
	switch r.Format {
	case FormatGraphML:
		return WriteGraphML(w, n, r.Scope.Lang)
	case FormatGEXF:
		return WriteGEXF(w, n, r.Scope.Lang)
	case FormatJSON:
		return writeJSON(w, n)
	case FormatYAML:
		// The same document the demo network and imports are written in.
		enc := yaml.NewEncoder(w)
		enc.SetIndent(2)
		if err := enc.Encode(n); err != nil {
			return err
		}
		return enc.Close()
	}
	return fmt.Errorf("briefing: format %q has no network writer", r.Format)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
