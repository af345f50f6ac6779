package server

import (
	"net/http"
	"net/url"

	"github.com/buurtnet/buurtnet"
)

// checkUploadOrigin refuses what a browser sends cross-site without
// asking. multipart/form-data (file uploads, for importNetwork) is a content
// type any web page may POST without a CORS preflight, so without this check
// a page a facilitator visits could make their browser import a file into,
// or run any other mutation on, the service on their machine. A cross-site
// request must carry a header no form can set — Apollo-Require-Preflight or
// X-Apollo-Operation-Name, as upload clients send — which makes the browser
// ask first, and CORS then decides. Requests without an Origin (curl,
// scripts) and same-origin pages need nothing.
func checkUploadOrigin(r *http.Request) error {
	if crossSite(r) && r.Header.Get("Apollo-Require-Preflight") == "" && r.Header.Get("X-Apollo-Operation-Name") == "" {
		return buurtnet.Errorf(buurtnet.EINVALID, "A cross-site upload must carry the header Apollo-Require-Preflight.")
	}
	return nil
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
