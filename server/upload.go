package server

import (
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buurtnet/buurtnet"
)

// uploadTransport is gqlgen's multipart transport (file uploads, for
// importNetwork) that refuses what a browser sends cross-site without
// asking. multipart/form-data is a content type any web page may POST
// without a CORS preflight, so without this check a page a facilitator
// visits could make their browser import a file into, or run any other
// mutation on, the service on their machine. A cross-site request must carry
// a header no form can set — Apollo-Require-Preflight or
// X-Apollo-Operation-Name, as upload clients send — which makes the browser
// ask first, and CORS then decides. Requests without an Origin (curl,
// scripts) and same-origin pages need nothing.
type uploadTransport struct{ transport.MultipartForm }

func (t uploadTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if crossSite(r) && r.Header.Get("Apollo-Require-Preflight") == "" && r.Header.Get("X-Apollo-Operation-Name") == "" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(graphql.Response{Errors: gqlerror.List{{
			Message:    "A cross-site upload must carry the header Apollo-Require-Preflight.",
			Extensions: map[string]any{"code": buurtnet.EINVALID},
		}}})
		return
	}
	t.MultipartForm.Do(w, r, exec)
}

func crossSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site":
		return true
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false
	}
	u, err := url.Parse(origin)
	return err != nil || u.Host != r.Host
}
