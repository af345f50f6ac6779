package server

import (
	"bytes"
	"net/http"
	"strconv"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/export"
)

// exportParams are the query parameters an export takes; any other is
// refused, so that a misspelt "territroy" does not silently widen a briefing.
var exportParams = map[string]bool{"territory": true, "theme": true, "on": true, "since": true, "format": true, "lang": true, "part": true}

// exportHandler serves the downloads:
//
//	GET /export/briefing?territory=…&theme=…&on=…&since=…&format=…&lang=…&part=…
//	GET /export/network?format=…[&territory=…]
//
// through export.Request, the code path `buurtnet export` takes too.
func exportHandler(cfg Config) http.Handler {
	mux := http.NewServeMux()
	for _, subject := range []export.Subject{export.SubjectBriefing, export.SubjectNetwork} {
		mux.HandleFunc("GET /export/"+string(subject), func(w http.ResponseWriter, r *http.Request) {
			serveExport(w, r, cfg, subject)
		})
	}
	mux.HandleFunc("GET /export/meeting", func(w http.ResponseWriter, r *http.Request) { serveMeetingExport(w, r, cfg) })
	mux.HandleFunc("/export/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, cfg.Logger, buurtnet.Errorf(buurtnet.ENOTFOUND, "There is no export at %s; try /export/briefing or /export/network.", r.URL.Path))
	})
	return mux
}

func serveExport(w http.ResponseWriter, r *http.Request, cfg Config, subject export.Subject) {
	q := r.URL.Query()
	for name := range q {
		if !exportParams[name] {
			writeError(w, r, cfg.Logger, buurtnet.FieldError(buurtnet.EINVALID, name, "%q is not a parameter of an export", name))
			return
		}
	}
	p := export.Params{
		Territory: q.Get("territory"), Theme: q.Get("theme"), On: q.Get("on"), Since: q.Get("since"),
		Format: q.Get("format"), Lang: q.Get("lang"), Part: q.Get("part"),
	}
	if l, ok := buurtnet.PreferredLang(r.Header.Get("Accept-Language")); ok && p.Lang == "" {
		p.Lang = string(l) // without one, the briefing defaults to Dutch
	}
	req, err := export.ParseRequest(string(subject), p)
	if err != nil {
		writeError(w, r, cfg.Logger, err)
		return
	}
	// Rendered whole before the first byte goes out, so that a failure is
	// still an error response and not half a spreadsheet; briefings are small.
	var body bytes.Buffer
	if err := req.Write(r.Context(), cfg.Store, &body); err != nil {
		writeError(w, r, cfg.Logger, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", req.ContentType())
	h.Set("Content-Disposition", `attachment; filename="`+req.Filename()+`"`) // Filename is ascii [a-z0-9.-]
	h.Set("Content-Length", strconv.Itoa(body.Len()))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store") // the data changes with every edit
	_, _ = body.WriteTo(w)
}
