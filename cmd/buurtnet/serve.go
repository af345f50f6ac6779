package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/neo4j"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
	"github.com/buurtnet/buurtnet/web"
)

// Main is the running service: flags in, store and HTTP server up, closed
// on shutdown. Tests drive it the same way main does.
type Main struct {
	Listen      string
	StoreDSN    string
	CORSOrigins string
	// TrustedDocuments are manifest files (comma-separated) of the only
	// GraphQL documents to run; empty: any document.
	TrustedDocuments string
	// AllowedHosts are the host names the service answers to; empty: the
	// loopback names when listening on loopback, else any.
	AllowedHosts  string
	LoadDemo      bool
	Explorer      bool
	Playground    bool
	Introspection bool
	Limits        server.Limits
	// DenyAnonymous refuses requests without a token; RatePerSecond and
	// Burst bound each caller's requests (0: no limit).
	DenyAnonymous bool
	RatePerSecond float64
	Burst         int
	// Concurrent is how many requests of one caller run at once.
	Concurrent int
	// AuthFailures is how many refused tokens an address may send a minute.
	AuthFailures int
	// Staleness is how long answers may leave out another process's write.
	Staleness time.Duration
	// ResponseCache answers a query asked again from memory.
	ResponseCache bool
	// WarmUp loads the questions' caches at start.
	WarmUp bool
	// Neo4j is how to log in when StoreDSN is a Neo4j URI.
	Neo4j neo4jLogin

	Store      buurtnet.Store
	HTTPServer *http.Server
	// Addr is the address actually listened on (useful with port 0).
	Addr string
	Log  *slog.Logger
}

// NewMain returns a Main with the defaults.
func NewMain() *Main {
	return &Main{
		Listen:        "127.0.0.1:8080",
		StoreDSN:      "buurtnet.db",
		LoadDemo:      true,
		Explorer:      true,
		Playground:    true,
		Introspection: true,
		Limits:        server.DefaultLimits,
		RatePerSecond: 50,
		Burst:         100,
		Concurrent:    2,
		AuthFailures:  10,
		Staleness:     250 * time.Millisecond,
		ResponseCache: true,
		WarmUp:        true,
		Log:           slog.New(slog.NewTextHandler(os.Stderr, nil)),
	}
}

// ParseFlags reads flags, with environment variables as defaults.
func (m *Main) ParseFlags(args []string) error {
	fs := flag.NewFlagSet("buurtnet serve", flag.ContinueOnError)
	fs.StringVar(&m.Listen, "listen", env("BUURTNET_LISTEN", m.Listen), "address to listen on (BUURTNET_LISTEN)")
	fs.StringVar(&m.StoreDSN, "store", env("BUURTNET_STORE", env("NEO4J_URI", m.StoreDSN)), "store: a SQLite file path, :memory:, or a Neo4j URI such as neo4j://host:7687 (BUURTNET_STORE, else NEO4J_URI)")
	fs.StringVar(&m.Neo4j.User, "neo4j-user", env("NEO4J_USERNAME", m.Neo4j.User), "Neo4j user name, for a Neo4j store (NEO4J_USERNAME)")
	fs.StringVar(&m.Neo4j.Password, "neo4j-password", env("NEO4J_PASSWORD", m.Neo4j.Password), "Neo4j password; without one, no authentication (NEO4J_PASSWORD)")
	fs.StringVar(&m.Neo4j.Database, "neo4j-database", env("NEO4J_DATABASE", m.Neo4j.Database), "Neo4j database; the user's home database by default (NEO4J_DATABASE)")
	fs.StringVar(&m.CORSOrigins, "cors-origins", env("BUURTNET_CORS_ORIGINS", m.CORSOrigins), "comma-separated browser origins allowed to call the API; none by default (BUURTNET_CORS_ORIGINS)")
	fs.StringVar(&m.AllowedHosts, "allowed-hosts", env("BUURTNET_ALLOWED_HOSTS", m.AllowedHosts), "comma-separated host names the service answers to (Host header); by default localhost, 127.0.0.1 and ::1 when listening on loopback, else any; * for any (BUURTNET_ALLOWED_HOSTS)")
	fs.StringVar(&m.TrustedDocuments, "trusted-documents", env("BUURTNET_TRUSTED_DOCUMENTS", m.TrustedDocuments), "comma-separated manifest files (JSON: SHA-256 hex to document) of the only GraphQL documents to run; by default any (BUURTNET_TRUSTED_DOCUMENTS)")
	fs.BoolVar(&m.LoadDemo, "demo", envBool("BUURTNET_DEMO", m.LoadDemo), "load the demo network into an empty store (BUURTNET_DEMO)")
	fs.BoolVar(&m.Explorer, "explorer", envBool("BUURTNET_EXPLORER", m.Explorer), "serve the web explorer at / (BUURTNET_EXPLORER)")
	fs.BoolVar(&m.Playground, "playground", envBool("BUURTNET_PLAYGROUND", m.Playground), "serve the GraphQL playground at /playground (BUURTNET_PLAYGROUND)")
	fs.BoolVar(&m.Introspection, "introspection", envBool("BUURTNET_INTROSPECTION", m.Introspection), "allow schema introspection (BUURTNET_INTROSPECTION)")
	fs.BoolVar(&m.DenyAnonymous, "deny-anonymous", envBool("BUURTNET_DENY_ANONYMOUS", m.DenyAnonymous), "refuse requests without a token; by default anonymous callers may read public data (BUURTNET_DENY_ANONYMOUS)")
	fs.Float64Var(&m.RatePerSecond, "rate-limit", envFloat("BUURTNET_RATE_LIMIT", m.RatePerSecond), "requests per second allowed per token (and per address for anonymous callers); 0 for no limit (BUURTNET_RATE_LIMIT)")
	fs.IntVar(&m.Concurrent, "max-concurrent", envInt("BUURTNET_MAX_CONCURRENT", m.Concurrent), "requests of one caller (token, or address for anonymous callers) that run at once; the others wait; 0 for no bound (BUURTNET_MAX_CONCURRENT)")
	fs.IntVar(&m.AuthFailures, "auth-failures", envInt("BUURTNET_AUTH_FAILURES", m.AuthFailures), "refused tokens allowed per address a minute; past them, requests with a token are refused without a look-up; 0 for no bound (BUURTNET_AUTH_FAILURES)")
	fs.IntVar(&m.Burst, "rate-burst", envInt("BUURTNET_RATE_BURST", m.Burst), "requests allowed in a burst above the rate (BUURTNET_RATE_BURST)")
	fs.IntVar(&m.Limits.MaxComplexity, "max-complexity", envInt("BUURTNET_MAX_COMPLEXITY", m.Limits.MaxComplexity), "highest computed cost of one GraphQL operation (BUURTNET_MAX_COMPLEXITY)")
	fs.IntVar(&m.Limits.MaxDepth, "max-depth", envInt("BUURTNET_MAX_DEPTH", m.Limits.MaxDepth), "deepest selection nesting allowed (BUURTNET_MAX_DEPTH)")
	fs.Int64Var(&m.Limits.MaxBodyBytes, "max-body-bytes", int64(envInt("BUURTNET_MAX_BODY_BYTES", int(m.Limits.MaxBodyBytes))), "largest request body, uploads excepted (BUURTNET_MAX_BODY_BYTES)")
	fs.IntVar(&m.Limits.MaxTokens, "max-tokens", envInt("BUURTNET_MAX_TOKENS", m.Limits.MaxTokens), "most tokens in one GraphQL document, checked before parsing (BUURTNET_MAX_TOKENS)")
	fs.IntVar(&m.Limits.MaxFields, "max-fields", envInt("BUURTNET_MAX_FIELDS", m.Limits.MaxFields), "most fields one GraphQL document selects, fragments counted where spread (BUURTNET_MAX_FIELDS)")
	fs.IntVar(&m.Limits.MaxAnalyses, "max-analyses", envInt("BUURTNET_MAX_ANALYSES", m.Limits.MaxAnalyses), "most analysis fields (overlaps, synergies, gaps, stakeholderMap) in one operation (BUURTNET_MAX_ANALYSES)")
	fs.DurationVar(&m.Limits.RequestTimeout, "request-timeout", envDuration("BUURTNET_REQUEST_TIMEOUT", m.Limits.RequestTimeout), "time a request may take, store queries included (BUURTNET_REQUEST_TIMEOUT)")
	fs.DurationVar(&m.Limits.ReadTimeout, "read-timeout", envDuration("BUURTNET_READ_TIMEOUT", m.Limits.ReadTimeout), "time a client has to send a request's headers, and to start its body (BUURTNET_READ_TIMEOUT)")
	fs.Int64Var(&m.Limits.MinBodyRate, "min-body-rate", int64(envInt("BUURTNET_MIN_BODY_RATE", int(m.Limits.MinBodyRate))), "slowest a request body may arrive after --read-timeout, in bytes a second on average (BUURTNET_MIN_BODY_RATE)")
	fs.DurationVar(&m.Staleness, "staleness", envDuration("BUURTNET_STALENESS", m.Staleness), "how long after another process writes to the store (a second instance, an import) answers may still leave that write out; the service's own writes are seen at once; 0: ask the store for its revision on every request (BUURTNET_STALENESS)")
	fs.BoolVar(&m.WarmUp, "warm-up", envBool("BUURTNET_WARM_UP", m.WarmUp), "load the caches the questions share (territories, every project's profile) when the service starts, in the background (BUURTNET_WARM_UP)")
	fs.BoolVar(&m.ResponseCache, "response-cache", envBool("BUURTNET_RESPONSE_CACHE", m.ResponseCache), "answer a query asked again, under the same store revision, by the same caller, in the same language, from memory (BUURTNET_RESPONSE_CACHE)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if m.Limits.ReadTimeout <= 0 || m.Limits.MinBodyRate <= 0 {
		return fmt.Errorf("--read-timeout and --min-body-rate must be above 0: a client that sends slowly would otherwise hold its connection for ever")
	}
	return nil
}

// idleTimeout is how long a kept-alive connection may wait for its next
// request; maxHeaderBytes bounds a request's headers and URL (a GET
// carries its GraphQL document there; larger ones are sent by POST).
const (
	idleTimeout    = 60 * time.Second
	maxHeaderBytes = 64 << 10
)

// Run opens the store, loads the demo network when the store is empty, and
// starts serving; it returns once the listener is up.
func (m *Main) Run(ctx context.Context) error {
	var trusted server.TrustedDocuments
	if paths := splitList(m.TrustedDocuments); len(paths) > 0 {
		// The explorer's own operations are the first manifest: switching the
		// allow-list on must not lock the facilitators' way in out.
		var files []server.ManifestFile
		if m.Explorer {
			files = append(files, server.ManifestFile{FS: web.Dist(), Name: "operations.json"})
		}
		for _, p := range paths {
			files = append(files, server.DiskManifest(p))
		}
		var err error
		if trusted, err = server.ReadTrustedDocuments(files...); err != nil {
			return err
		}
		m.Log.Info("only trusted documents run", "documents", len(trusted))
	}
	store, err := openStore(ctx, m.StoreDSN, m.Neo4j)
	if err != nil {
		return err
	}
	m.Store = store
	if m.LoadDemo {
		if err := loadDemoIfEmpty(ctx, store, m.Log); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", m.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", m.Listen, err)
	}
	m.Addr = ln.Addr().String()
	m.HTTPServer = &http.Server{
		Handler: server.NewHandler(server.Config{
			Store:                store,
			CORSOrigins:          splitList(m.CORSOrigins),
			AllowedHosts:         allowedHosts(m.AllowedHosts, m.Addr),
			TrustedDocuments:     trusted,
			Explorer:             m.Explorer,
			Playground:           m.Playground,
			Introspection:        m.Introspection,
			Limits:               m.Limits,
			Access:               server.Access{DenyAnonymous: m.DenyAnonymous, RatePerSecond: m.RatePerSecond, Burst: m.Burst, ConcurrentPerCaller: m.Concurrent, AuthFailuresPerMinute: m.AuthFailures},
			Staleness:            m.Staleness,
			DisableResponseCache: !m.ResponseCache,
			WarmUp:               m.WarmUp,
			Logger:               m.Log,
		}),
		ReadHeaderTimeout: m.Limits.ReadTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}
	go func() {
		if err := m.HTTPServer.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Log.Error("http server stopped", "err", err)
		}
	}()
	m.Log.Info("buurtnet is up", "explorer", "http://"+m.Addr+"/", "playground", "http://"+m.Addr+"/playground", "endpoint", "http://"+m.Addr+"/query", "store", m.StoreDSN)
	return nil
}

// Close stops accepting requests, lets in-flight ones finish (up to a
// deadline), then closes the store.
func (m *Main) Close() error {
	var errs []error
	if m.HTTPServer != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		errs = append(errs, m.HTTPServer.Shutdown(ctx))
	}
	if m.Store != nil {
		errs = append(errs, m.Store.Close())
	}
	return errors.Join(errs...)
}

// allowedHosts are the host names to answer to: those given ("*": any),
// else the loopback names when addr is a loopback address, so that a page
// cannot reach a facilitator's local instance by DNS rebinding.
func allowedHosts(given, addr string) []string {
	if given = strings.TrimSpace(given); given != "" {
		if given == "*" {
			return nil
		}
		return splitList(given)
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return server.LoopbackHosts
	}
	return nil
}

// neo4jLogin is how to log in to a Neo4j store.
type neo4jLogin struct{ User, Password, Database string }

// neo4jSchemes are the URI schemes of a Neo4j store.
var neo4jSchemes = []string{"neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://"}

// openStore opens the store dsn names: a Neo4j store for a Neo4j URI (with
// login, or without it the NEO4J_USERNAME, NEO4J_PASSWORD and
// NEO4J_DATABASE of the environment), else a SQLite file.
func openStore(ctx context.Context, dsn string, login ...neo4jLogin) (buurtnet.Store, error) {
	for _, scheme := range neo4jSchemes {
		if strings.HasPrefix(strings.ToLower(dsn), scheme) {
			l := neo4jLogin{User: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
			if len(login) > 0 {
				l = login[0]
			}
			// Fail fast when Neo4j is down: a request answers UNAVAILABLE within
			// seconds instead of waiting out the driver's 60 s defaults, and the
			// driver reconnects by itself once the server is back.
			db, err := neo4j.Open(ctx, neo4j.Config{URI: dsn, Username: l.User, Password: l.Password, Database: l.Database,
				ConnectTimeout: 3 * time.Second, AcquireTimeout: 5 * time.Second, RetryTime: 5 * time.Second})
			if err != nil {
				return nil, fmt.Errorf("open Neo4j store: %w", err)
			}
			return db, nil
		}
	}
	if strings.Contains(dsn, "://") {
		return nil, fmt.Errorf("store %q: a store is a SQLite file path, :memory:, or a Neo4j URI (%s)", dsn, strings.Join(neo4jSchemes, ", "))
	}
	db, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open SQLite store %s: %w", dsn, err)
	}
	return db, nil
}

// fillStore runs fill on the store dsn names, and closes it. With build, a
// SQLite file that does not exist yet is built (sqlite.Build): it appears
// only once fill succeeded.
func fillStore(ctx context.Context, dsn string, build bool, fill func(buurtnet.Store) error) error {
	if build && isSQLiteFile(dsn) {
		return sqlite.Build(ctx, dsn, func(db *sqlite.DB) error { return fill(db) })
	}
	store, err := openStore(ctx, dsn)
	if err != nil {
		return err
	}
	return errors.Join(fill(store), store.Close())
}

// isSQLiteFile reports whether dsn names a SQLite file (see openStore).
func isSQLiteFile(dsn string) bool {
	return dsn != ":memory:" && !strings.Contains(dsn, "://")
}

// loadDemoIfEmpty loads the demo network on first start, and never again:
// a facilitator's own data must not be mixed with demo data.
func loadDemoIfEmpty(ctx context.Context, store buurtnet.Store, log *slog.Logger) error {
	for _, k := range buurtnet.Kinds {
		_, n, err := store.Find(ctx, buurtnet.NodeFilter{Kind: k, Limit: 1})
		if err != nil {
			return fmt.Errorf("check for an empty store: %w", err)
		}
		if n > 0 {
			return nil
		}
	}
	network, err := demo.Network()
	if err != nil {
		return fmt.Errorf("read the demo network: %w", err)
	}
	report, err := store.Apply(ctx, network, buurtnet.ApplyOptions{})
	if err != nil {
		return fmt.Errorf("load the demo network: %w", err)
	}
	log.Info("demo network loaded", "created", len(report.Created))
	return nil
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func envBool(name string, def bool) bool {
	switch strings.ToLower(os.Getenv(name)) {
	case "1", "true", "yes", "on":
		return true
	case "0", "false", "no", "off":
		return false
	}
	return def
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
