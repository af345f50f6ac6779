package export

import (
	"strings"
	"time"

	"github.com/buurtnet/buurtnet"
)

// Filename is the name to save the export under, ascii only so that it
// survives a Content-Disposition header and any file system:
// "briefing-brabantwijk-2026-11-26.xlsx".
func (r *Request) Filename() string {
	parts := []string{string(r.Subject)}
	for _, id := range []string{r.Scope.Territory, r.Scope.Theme} {
		if _, slug, ok := strings.Cut(id, ":"); ok {
			parts = append(parts, slugify(slug))
		}
	}
	parts = append(parts, r.day().String())
	if r.Part != "" {
		parts = append(parts, string(r.Part))
	}
	return strings.Join(parts, "-") + "." + r.extension()
}

// ContentType is the media type of what Write writes.
func (r *Request) ContentType() string {
	switch r.extension() {
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "zip":
		return "application/zip"
	case "csv":
		return "text/csv; charset=utf-8"
	case "html":
		return "text/html; charset=utf-8"
	case "md":
		return "text/markdown; charset=utf-8"
	case "pdf":
		return "application/pdf"
	case "json":
		return "application/json"
	case "graphml":
		return "application/graphml+xml"
	case "gexf":
		return "application/gexf+xml"
	case "yaml":
		return "application/yaml"
	}
	return "application/octet-stream"
}

func (r *Request) extension() string {
	switch r.Format {
	case FormatCSV, FormatCSVRFC4180:
		if r.Part == "" {
			return "zip"
		}
		return "csv"
	}
	return string(r.Format)
}

// day dates the export: the meeting day when given, else today.
func (r *Request) day() buurtnet.Date {
	if r.Scope.On.IsZero() && r.Scope.Today.IsZero() {
		return buurtnet.DateOf(time.Now())
	}
	return r.Scope.Until()
}

// slugify keeps a-z, 0-9 and single hyphens; anything else (accents,
// quotes, spaces) would need escaping in a header or a shell.
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range buurtnet.Fold(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			hyphen = false
		} else if !hyphen && b.Len() > 0 {
			b.WriteByte('-')
			hyphen = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}
