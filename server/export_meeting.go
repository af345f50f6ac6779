package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

// meetingExportParams are the parameters of a meeting's briefing; any
// other is refused, as for the other exports.
var meetingExportParams = map[string]bool{"meeting": true, "format": true, "lang": true}

// serveMeetingExport serves
//
//	GET /export/meeting?meeting=…&format=md|json&lang=…
//
// the briefing of one meeting, built from the meeting itself.
func serveMeetingExport(w http.ResponseWriter, r *http.Request, cfg Config) {
	q := r.URL.Query()
	for name := range q {
		if !meetingExportParams[name] {
			writeError(w, r, cfg.Logger, buurtnet.FieldError(buurtnet.EINVALID, name, "%q is not a parameter of a meeting's briefing", name))
			return
		}
	}
	format := strings.ToLower(strings.TrimSpace(q.Get("format")))
	if format == "" {
		format = "md"
	}
	if format != "md" && format != "json" {
		writeError(w, r, cfg.Logger, buurtnet.FieldError(buurtnet.EINVALID, "format", "a meeting's briefing is exported as md or json, not %q", q.Get("format")))
		return
	}
	if strings.TrimSpace(q.Get("meeting")) == "" {
		writeError(w, r, cfg.Logger, buurtnet.FieldError(buurtnet.EINVALID, "meeting", "say which meeting: meeting=meeting:…"))
		return
	}
	lang := q.Get("lang")
	if l, ok := buurtnet.PreferredLang(r.Header.Get("Accept-Language")); ok && lang == "" {
		lang = string(l)
	}
	b, err := briefing.BuildMeeting(r.Context(), cfg.Store, briefing.MeetingScope{Meeting: q.Get("meeting"), Lang: buurtnet.Lang(lang)})
	if err != nil {
		writeError(w, r, cfg.Logger, err)
		return
	}
	var body bytes.Buffer
	contentType := "text/markdown; charset=utf-8"
	if format == "json" {
		contentType = "application/json"
		enc := json.NewEncoder(&body)
		enc.SetIndent("", "  ")
		err = enc.Encode(b)
	} else {
		err = briefing.WriteMeetingMarkdown(&body, b)
	}
	if err != nil {
		writeError(w, r, cfg.Logger, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+meetingFilename(b, format)+`"`)
	h.Set("Content-Length", strconv.Itoa(body.Len()))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	_, _ = body.WriteTo(w)
}

var notFilename = regexp.MustCompile(`[^a-z0-9-]+`)

// meetingFilename is ascii [a-z0-9.-] only, so it needs no quoting.
func meetingFilename(b *briefing.MeetingBriefing, format string) string {
	_, slug, _ := strings.Cut(b.Meeting.ID, ":")
	slug = strings.Trim(notFilename.ReplaceAllString(strings.ToLower(slug), "-"), "-")
	return "briefing-" + slug + "-" + string(b.Lang) + "." + format
}
