package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/resolvers"
)

// Bounds of the response cache: at most cachedResponses answers, of at
// most maxCachedResponse bytes of data each and cachedResponseBytes in all;
// the least recently used go first. A page of 50 projects with their
// relations is about 65 kB, the gaps of a municipality 5 kB.
const (
	cachedResponses     = 1024
	maxCachedResponse   = 256 << 10
	cachedResponseBytes = 16 << 20
)

// responseCache answers a query asked again with the answer it had, as long
// as nothing could make the answer differ: the same document, operation and
// variables, asked by the same caller (token and role: what a reader may
// see depends on them) in the same language, on the same day, under the
// same revision of the store. A network is read far more often than it is
// changed, and many facilitators open the same pages: gqlgen spends some
// 12 ms of CPU resolving a page of 50 projects even when every entity is
// in the read cache, against about one for a cached answer.
//
// It runs after parsing, validation and the cost limits, which every
// request still passes; answers with errors, and documents answered in
// parts (@defer, @stream), are not kept.
type responseCache struct {
	store   buurtnet.Store
	answers *boundedLRU[*graphql.Response]
	m       *metrics
}

func newResponseCache(store buurtnet.Store, m *metrics) responseCache {
	return responseCache{store: store, answers: newBoundedLRU(cachedResponses, cachedResponseBytes, answerSize), m: m}
}

// answerSize is what the response cache counts of an answer: its data.
func answerSize(_ string, r *graphql.Response) int { return len(r.Data) }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = responseCache{}

func (responseCache) ExtensionName() string                   { return "ResponseCache" }
func (responseCache) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse runs inside the operation metrics, which count an
// answer from the cache like any other.
func (c responseCache) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	key, ok := c.key(ctx)
	if !ok {
		return next(ctx)
	}
	if r, ok := c.answers.get(key); ok {
		c.m.cached.WithLabelValues("hit").Inc()
		copied := *r
		return &copied
	}
	c.m.cached.WithLabelValues("miss").Inc()
	r := next(ctx)
	if r != nil && len(r.Errors) == 0 && r.HasNext == nil && len(r.Data) <= maxCachedResponse && ctx.Err() == nil {
		c.answers.add(key, r)
	}
	return r
}

// key is what a query's answer depends on; false for operations not to
// cache (mutations, subscriptions, requests without a store revision).
func (c responseCache) key(ctx context.Context) (string, bool) {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return "", false
	}
	if strings.Contains(oc.RawQuery, "@defer") || strings.Contains(oc.RawQuery, "@stream") {
		return "", false // answered in parts: only the whole would do
	}
	rev, ok, err := buurtnet.PinnedRevision(ctx, c.store)
	if !ok || err != nil {
		return "", false
	}
	vars, err := json.Marshal(oc.Variables) // map keys sorted: equal variables, equal text
	if err != nil {
		return "", false
	}
	actor := buurtnet.ActorFrom(ctx)
	h := sha256.New()
	for _, part := range []string{
		oc.RawQuery, oc.OperationName, string(vars),
		actor.TokenID, string(actor.Role),
		string(resolvers.RequestLanguage(ctx)),
		buurtnet.DateOf(time.Now()).String(),
	} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)) + "@" + strconv.FormatInt(rev, 10), true
}
