package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

// exportParams are the query parameters an export takes; any other is
// refused, so that a misspelt "territroy" does not silently widen a briefing.
var exportParams = map[string]bool{"territory": true, "theme": true, "on": true, "since": true, "format": true, "lang": true, "part": true}

// exportHandler serves the downloads:
//
//	GET /export/briefing?territory=…&theme=…&on=…&since=…&format=…&lang=…&part=…
//	GET /export/network?format=…[&territory=…]
//
// through briefing.Request, the code path `buurtnet export` takes too.
func exportHandler(cfg Config) http.Handler {
	mux := http.NewServeMux()
	for _, subject := range []briefing.Subject{briefing.SubjectBriefing, briefing.SubjectNetwork} {
		mux.HandleFunc("GET /export/"+string(subject), func(w http.ResponseWriter, r *http.Request) {
			serveExport(w, r, cfg, subject)
		})
	}
	mux.HandleFunc("/export/", func(w http.ResponseWriter, r *http.Request) {
		writeExportError(w, r, cfg.Logger, buurtnet.Errorf(buurtnet.ENOTFOUND, "There is no export at %s; try /export/briefing or /export/network.", r.URL.Path))
	})
	return mux
}

func serveExport(w http.ResponseWriter, r *http.Request, cfg Config, subject briefing.Subject) {
	q := r.URL.Query()
	for name := range q {
		if !exportParams[name] {
			writeExportError(w, r, cfg.Logger, buurtnet.FieldError(buurtnet.EINVALID, name, "%q is not a parameter of an export", name))
			return
		}
	}
	p := briefing.Params{
		Territory: q.Get("territory"), Theme: q.Get("theme"), On: q.Get("on"), Since: q.Get("since"),
		Format: q.Get("format"), Lang: q.Get("lang"), Part: q.Get("part"),
	}
	if p.Lang == "" {
		p.Lang = acceptedLanguage(r.Header.Get("Accept-Language"))
	}
	req, err := briefing.ParseRequest(string(subject), p)
	if err != nil {
		writeExportError(w, r, cfg.Logger, err)
		return
	}
	// Rendered whole before the first byte goes out, so that a failure is
	// still an error response and not half a spreadsheet; briefings are small.
	var body bytes.Buffer
	if err := req.Write(r.Context(), cfg.Store, &body); err != nil {
		writeExportError(w, r, cfg.Logger, err)
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

// acceptedLanguage is the first language of the header the service speaks,
// as for GraphQL names; "" lets the briefing default to Dutch.
func acceptedLanguage(header string) string {
	for _, part := range strings.Split(header, ",") {
		if l, ok := buurtnet.ParseLang(part); ok {
			return string(l)
		}
	}
	return ""
}

// writeExportError answers {"error": {"code", "field", "message"}} with the
// status of the code. Internal errors show "Internal error." only; their
// details go to the log.
func writeExportError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	code, message := buurtnet.ErrorCode(err), buurtnet.ErrorMessage(err)
	var domainErr *buurtnet.Error
	if !errors.As(err, &domainErr) && (errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)) {
		code, message = buurtnet.EUNAVAILABLE, "The request took too long and was stopped."
	}
	if code == buurtnet.EINTERNAL {
		log.ErrorContext(r.Context(), "export failed", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		message = "Internal error."
	}
	body := struct {
		Error struct {
			Code    string `json:"code"`
			Field   string `json:"field,omitempty"`
			Message string `json:"message"`
		} `json:"error"`
	}{}
	body.Error.Code, body.Error.Field, body.Error.Message = code, buurtnet.ErrorField(err), message
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(exportStatus(code))
	_ = json.NewEncoder(w).Encode(body)
}

func exportStatus(code string) int {
	switch code {
	case buurtnet.EINVALID:
		return http.StatusBadRequest
	case buurtnet.ENOTFOUND:
		return http.StatusNotFound
	case buurtnet.ECONFLICT:
		return http.StatusConflict
	case buurtnet.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case buurtnet.EFORBIDDEN:
		return http.StatusForbidden
	case buurtnet.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
