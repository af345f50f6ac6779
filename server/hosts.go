package server

import (
	"log/slog"
	"net"
	"net/http"
	"strings"

	"github.com/buurtnet/buurtnet"
)

// LoopbackHosts are the host names of a service listening on loopback.
var LoopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

// withAllowedHosts refuses requests whose Host header is not one of hosts
// (any port). It stops DNS rebinding: a page on evil.example whose name
// then resolves to 127.0.0.1 makes the browser send requests, with the
// browser's own credentials and as same-origin, to a service on the
// facilitator's machine — but with Host: evil.example. No hosts: any Host.
// The health checks and metrics answer to any name.
func withAllowedHosts(log *slog.Logger, hosts []string, next http.Handler) http.Handler {
	if len(hosts) == 0 {
		return next
	}
	allowed := map[string]bool{}
	for _, h := range hosts {
		allowed[normalHost(h)] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/healthz", "/readyz", "/metrics":
			// Probes and scrapers call by address; these hold no data.
			next.ServeHTTP(w, r)
			return
		}
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		if !allowed[normalHost(host)] {
			writeError(w, r, log, buurtnet.Errorf(buurtnet.EFORBIDDEN, "This service does not answer to the host name %q; see --allowed-hosts.", truncate(host, 100)))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func normalHost(h string) string {
	return strings.ToLower(strings.TrimSuffix(strings.Trim(h, "[]"), "."))
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}
