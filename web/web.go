// Package web serves the explorer (a single-page application for network
// facilitators) and the self-hosted GraphQL playground. Both are built from
// the TypeScript sources beside this file into dist/ (`npm ci && npm run
// build`) and committed, so that the Go binary embeds them and a fresh clone
// runs without Node.
package web

import (
	"bytes"
	"embed"
	"io/fs"
	"net/http"
	"strings"
	"time"
)

//go:embed all:dist
var dist embed.FS

// Dist is the built application: index.html, playground.html, assets/ and
// operations.json (the explorer's GraphQL operations by SHA-256 hash, for
// an allow-list of trusted documents).
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // "dist" is a valid path; fs.Sub fails on invalid paths only
	}
	return sub
}

// Options says what Handler serves.
type Options struct {
	// Explorer serves the application at / and at every page it knows.
	Explorer bool
	// Playground serves GraphiQL at /playground.
	Playground bool
}

// Routes are the first path segments of the explorer's pages: a reload or a
// shared link to /territory/brabantwijk must get the application, which
// then reads the path. Anything else is a 404, so that a mistyped URL is not
// answered as if it existed.
var Routes = []string{"territory", "project", "organisation", "funder", "theme", "targetgroup", "function",
	"search", "network", "edit", "new", "import", "signin", "consultations", "consultation", "meeting"}

// ContentSecurityPolicy lets the pages load scripts, styles, images and
// fonts from buurtnet only and talk to nothing else: nothing leaves the
// machine. Styles may be inline because the graph and GraphiQL libraries
// set style attributes.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Handler serves the built files; it answers GET and HEAD only.
func Handler(opt Options) http.Handler {
	files := Dist()
	index := mustRead(files, "index.html")
	playground := mustRead(files, "playground.html")
	routes := make(map[string]bool, len(Routes))
	for _, r := range Routes {
		routes[r] = true
	}
	// Built files carry no meaningful time; one fixed stamp keeps responses
	// reproducible (the assets' names carry their content hash).
	var stamp time.Time
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		path := r.URL.Path
		switch {
		case path == "/playground" || path == "/playground/":
			if !opt.Playground {
				http.NotFound(w, r)
				return
			}
			servePage(w, r, playground, http.StatusOK)
		case strings.HasPrefix(path, "/assets/") || path == "/operations.json" || path == "/favicon.svg":
			name := strings.TrimPrefix(path, "/")
			data, err := fs.ReadFile(files, name)
			if err != nil {
				http.NotFound(w, r)
				return
			}
			if strings.HasPrefix(path, "/assets/") {
				h.Set("Cache-Control", "public, max-age=31536000, immutable")
			} else {
				h.Set("Cache-Control", "no-cache")
			}
			http.ServeContent(w, r, name, stamp, bytes.NewReader(data))
		case !opt.Explorer && path == "/":
			// Without the explorer, the way in is the playground.
			http.Redirect(w, r, "/playground", http.StatusFound)
		case !opt.Explorer:
			http.NotFound(w, r)
		case path == "/" || routes[firstSegment(path)]:
			servePage(w, r, index, http.StatusOK)
		default:
			// The application shows its own "not found" page, with the
			// search and the language switch, under the right status.
			servePage(w, r, index, http.StatusNotFound)
		}
	})
}

func servePage(w http.ResponseWriter, r *http.Request, page []byte, status int) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(page)
	}
}

func firstSegment(path string) string {
	path = strings.TrimPrefix(path, "/")
	if i := strings.IndexByte(path, '/'); i >= 0 {
		return path[:i]
	}
	return path
}

func mustRead(files fs.FS, name string) []byte {
	data, err := fs.ReadFile(files, name)
	if err != nil {
		panic("web: the built " + name + " is missing from web/dist; run `npm ci && npm run build` in web/: " + err.Error())
	}
	return data
}
