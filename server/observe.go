package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type requestIDKey struct{}

// validRequestID is what we accept from a proxy's X-Request-ID; anything
// else is replaced, so log lines cannot be forged through the header.
var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// withRequestID gives every request an id, sent back in X-Request-ID and in
// every error, so that a client's report leads to the server's log line.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !validRequestID.MatchString(id) {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
	})
}

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// statusRecorder remembers the status a handler wrote, for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// withAccessLog writes one structured line per request. A request whose
// client closed the connection before the answer says so (client_left):
// its status is only what was written to the closed connection.
func withAccessLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		attrs := []any{"request_id", requestID(r.Context()), "method", r.Method, "path", r.URL.Path,
			"status", rec.status, "duration_ms", time.Since(start).Milliseconds()}
		// net/http ends a request's context when its connection closes,
		// and otherwise only once the handler has returned.
		if r.Context().Err() != nil {
			attrs = append(attrs, "client_left", true)
		}
		log.InfoContext(r.Context(), "request", attrs...)
	})
}

// metrics are the service's Prometheus metrics, on a registry of its own
// so that several handlers (tests) do not collide.
type metrics struct {
	mu sync.Mutex
	// names are the operation names given a label of their own.
	names      map[string]bool
	registry   *prometheus.Registry
	operations *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	errors     *prometheus.CounterVec
	store      *prometheus.HistogramVec
	// cached counts the queries the response cache was asked about, by
	// whether it held the answer.
	cached *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		names:    map[string]bool{},
		registry: prometheus.NewRegistry(),
		operations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "buurtnet_graphql_operations_total", Help: "GraphQL operations by name and type.",
		}, []string{"operation", "type"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "buurtnet_graphql_operation_seconds", Help: "GraphQL operation latency.", Buckets: prometheus.DefBuckets,
		}, []string{"operation", "type"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "buurtnet_errors_total", Help: "Errors returned to clients, by code.",
		}, []string{"code"}),
		store: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "buurtnet_store_seconds", Help: "Store call latency by method.", Buckets: prometheus.DefBuckets,
		}, []string{"method"}),
		cached: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "buurtnet_response_cache_total", Help: "Queries the response cache was asked about, by result (hit or miss).",
		}, []string{"result"}),
	}
	m.registry.MustRegister(m.operations, m.latency, m.errors, m.store, m.cached,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

// maxOperationLabels bounds the operation names /metrics keeps: clients name
// their operations, and every name is a time series kept for ever.
const maxOperationLabels = 200

// operationLabel is the label of an operation name: "anonymous" for none,
// cut to 64 bytes at a character boundary, and "other" once
// maxOperationLabels names have been seen.
func (m *metrics) operationLabel(name string) string {
	if name == "" {
		return "anonymous"
	}
	if len(name) > 64 {
		cut := 64
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut]
	}
	name = strings.ToValidUTF8(name, "")
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.names[name] {
		if len(m.names) >= maxOperationLabels {
			return "other"
		}
		m.names[name] = true
	}
	return name
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

func (m *metrics) countError(code string) {
	if m != nil {
		m.errors.WithLabelValues(code).Inc()
	}
}

// operationMetrics is a gqlgen extension timing each operation. Operation
// names come from clients; unnamed ones are counted as "anonymous".
type operationMetrics struct{ m *metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = operationMetrics{}

func (operationMetrics) ExtensionName() string                   { return "OperationMetrics" }
func (operationMetrics) Validate(graphql.ExecutableSchema) error { return nil }

func (o operationMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	resp := next(ctx)
	if !graphql.HasOperationContext(ctx) {
		return resp
	}
	oc := graphql.GetOperationContext(ctx)
	name, kind := "unknown", "unknown"
	if oc.Operation != nil {
		// The name of the operation in the document, not the operationName a
		// client may set to anything.
		name, kind = oc.Operation.Name, string(oc.Operation.Operation)
	}
	name = o.m.operationLabel(name)
	o.m.operations.WithLabelValues(name, kind).Inc()
	o.m.latency.WithLabelValues(name, kind).Observe(time.Since(start).Seconds())
	return resp
}

func (m *metrics) observeStore(method string, start time.Time) {
	m.store.WithLabelValues(method).Observe(time.Since(start).Seconds())
}
