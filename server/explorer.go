package server

import (
	"net/http"

	"github.com/buurtnet/buurtnet/web"
)

// registerWeb serves the explorer at / (and at each of its pages, so that a
// shared link or a reload works) and the self-hosted GraphQL playground at
// /playground, each when the configuration asks for it. The more specific
// routes (/query, /export/, health checks, metrics) keep their handlers; the
// pattern has no method because "GET /" would conflict with "/query".
func registerWeb(mux *http.ServeMux, cfg Config) {
	if !cfg.Explorer && !cfg.Playground {
		return
	}
	mux.Handle("/", web.Handler(web.Options{Explorer: cfg.Explorer, Playground: cfg.Playground}))
}
