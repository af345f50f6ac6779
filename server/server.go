// Package server serves buurtnet over HTTP: the GraphQL endpoint, the
// explorer and playground, health checks, CORS.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph"
	"github.com/buurtnet/buurtnet/resolvers"
)

// Config is what the HTTP layer needs.
type Config struct {
	Store buurtnet.Store
	// CORSOrigins are the browser origins allowed to call the API; none by
	// default, so that a deployment opens up deliberately.
	CORSOrigins []string
	// Explorer serves the web explorer at / and its pages.
	Explorer bool
	// Playground serves the GraphQL playground at /playground.
	Playground bool
	// Introspection lets clients read the schema.
	Introspection bool
	// Limits bound what one request may cost; zero fields take DefaultLimits.
	Limits Limits
	// Access says who may call; by default anonymous callers may read public data.
	Access Access
	// TrustedDocuments, when not nil, are the only documents the service
	// runs (see TrustedDocuments).
	TrustedDocuments TrustedDocuments
	// AllowedHosts are the host names (Host header, any port) the service
	// answers to; none: any. See withAllowedHosts.
	AllowedHosts []string
	// Staleness is how long answers may leave out a write made by another
	// process (see buurtnet.RecentRevision); 0: none.
	Staleness time.Duration
	// DisableResponseCache answers every query anew (see responseCache).
	DisableResponseCache bool
	// WarmUp loads the caches the questions share (the territory graph,
	// every project's profile, every territory) as the handler is made,
	// on a goroutine of its own (see warmUp).
	WarmUp bool
	Logger *slog.Logger
}

// NewHandler returns the service's HTTP handler.
func NewHandler(cfg Config) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	limits := cfg.Limits.withDefaults()
	m := newMetrics()
	// Revision reads are measured below the staleness they are spared by.
	store := buurtnet.RecentRevision(measuredStore{store: cfg.Store, m: m}, cfg.Staleness)
	cfg.Store = store

	cache := resolvers.NewReadCache(store)
	analyst := &buurtnet.Analyst{Store: cache.Store()}
	cache.ReadProjectsFrom(analyst.CachedProject)
	if cfg.WarmUp {
		go warmUp(cfg.Logger, cache, analyst)
	}
	gql := handler.New(networkCosted{analyst: analyst, ExecutableSchema: graph.NewExecutableSchema(graph.Config{
		Resolvers:  &resolvers.Resolver{Store: cache.Store(), Analyst: analyst},
		Directives: graph.DirectiveRoot{Auth: resolvers.Auth},
		Complexity: complexity(),
	})})
	gql.AddTransport(transport.Options{})
	gql.AddTransport(httpTransport{maxBody: limits.MaxBodyBytes, maxUpload: 32 << 20, maxMemory: 8 << 20, log: cfg.Logger})
	gql.SetQueryCache(newGqlgenCache(cachedDocuments, cachedDocumentBytes, maxCachedDocument, documentSize))
	gql.SetParserTokenLimit(limits.MaxTokens)
	gql.SetValidationRulesFn(validationRules(cfg.Introspection))
	gql.SetDisableSuggestion(!cfg.Introspection)
	gql.Use(trustedDocuments{docs: cfg.TrustedDocuments})
	if cfg.TrustedDocuments == nil {
		gql.Use(extension.AutomaticPersistedQuery{Cache: newGqlgenCache(persistedQueries, persistedQueryBytes, maxPersistedQuery, persistedQuerySize)})
	}
	gql.Use(documentLimits{maxTokens: limits.MaxTokens, maxFields: limits.MaxFields})
	if cfg.Introspection {
		gql.Use(extension.Introspection{})
	}
	gql.Use(operationRules{maxAnalyses: limits.MaxAnalyses, introspection: cfg.Introspection})
	gql.Use(extension.FixedComplexityLimit(limits.MaxComplexity))
	gql.Use(depthLimit{max: limits.MaxDepth})
	gql.Use(operationMetrics{m: m})
	gql.AroundOperations(resolvers.PinRevision)
	gql.AroundOperations(graph.ParseArgsOnce)
	if !cfg.DisableResponseCache {
		gql.Use(newResponseCache(store, m))
	}
	gql.SetErrorPresenter(presentError(cfg.Logger, m))
	gql.SetRecoverFunc(recoverPanic(cfg.Logger))

	mux := http.NewServeMux()
	// One gate and one bound on requests at once for every endpoint that
	// does work: a caller's budget is theirs, whichever endpoints they call.
	gate := newGate(cfg)
	perCaller := newInFlight(cfg.Access.ConcurrentPerCaller, cfg.Logger)
	mux.Handle("/query", gate.wrap(withBodyLimit(limits.MaxBodyBytes, withTimeout(limits.RequestTimeout, perCaller.wrap(withRequestContext(cache, gql))))))
	mux.Handle("GET /export/", gate.wrap(withTimeout(limits.RequestTimeout, perCaller.wrap(exportHandler(cfg)))))
	mux.Handle("GET /metrics", m.handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := cfg.Store.Ping(ctx); err != nil {
			writeError(w, r, cfg.Logger, err)
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	})
	registerWeb(mux, cfg)
	opts := cors.Options{
		AllowedOrigins: cfg.CORSOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Content-Type", "Accept-Language", "Authorization", "Apollo-Require-Preflight"},
		ExposedHeaders: []string{"X-Request-ID"},
	}
	if len(cfg.CORSOrigins) == 0 {
		// rs/cors reads an empty list as "every origin"; we mean none.
		opts.AllowOriginFunc = func(string) bool { return false }
	}
	// The body deadline comes first: whatever answers a request, even a
	// refusal that never reads the body, the server then reads what is left
	// of it, and that must not wait on a slow client either.
	return withBodyDeadline(limits.ReadTimeout, limits.MinBodyRate, limits.RequestTimeout,
		withRequestID(withAccessLog(cfg.Logger, withAllowedHosts(cfg.Logger, cfg.AllowedHosts, cors.New(opts).Handler(mux)))))
}

// withRequestContext gives each request its own loaders (reading through
// the cache all requests share) and language.
func withRequestContext(cache *resolvers.ReadCache, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := cache.WithLoaders(r.Context())
		ctx = resolvers.WithAcceptLanguage(ctx, r.Header.Get("Accept-Language"))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
