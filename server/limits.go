package server

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph"
	"github.com/buurtnet/buurtnet/graph/model"
)

// Limits protect the service from requests that would cost too much. Zero
// values take the defaults of DefaultLimits.
type Limits struct {
	// MaxComplexity is the highest computed cost of one operation: one per
	// field, lists counted by how many items they ask for.
	MaxComplexity int
	// MaxDepth is the deepest selection nesting allowed.
	MaxDepth int
	// MaxBodyBytes caps a request body (uploads have their own cap).
	MaxBodyBytes int64
	// RequestTimeout bounds a request; the deadline reaches the store query.
	RequestTimeout time.Duration
	// MaxTokens caps the tokens (names, punctuation, values) of a query
	// document, checked before it is parsed.
	MaxTokens int
	// MaxFields caps the fields a query selects, each fragment counted every
	// time it is spread, checked before it is validated.
	MaxFields int
	// MaxAnalyses caps the analysis fields (overlaps, synergies, gaps,
	// stakeholderMap) of one operation.
	MaxAnalyses int
	// ReadTimeout bounds how long a client may take to send a request's
	// headers (set on the http.Server), and how long it may wait before
	// its body must arrive at MinBodyRate.
	ReadTimeout time.Duration
	// MinBodyRate is the slowest a request body may arrive, in bytes a
	// second on average, once ReadTimeout has passed.
	MinBodyRate int64
}

// DefaultLimits fit the demo network and a facilitator's questions with
// room to spare, and stop a query that walks the graph a thousand times.
// The document limits leave GraphiQL's introspection query (about 300
// fields expanded) and the largest question a screen asks far behind.
var DefaultLimits = Limits{MaxComplexity: 20000, MaxDepth: 12, MaxBodyBytes: 1 << 20, RequestTimeout: 30 * time.Second,
	MaxTokens: 15000, MaxFields: 1000, MaxAnalyses: 5, ReadTimeout: 10 * time.Second, MinBodyRate: 8 << 10}

func (l Limits) withDefaults() Limits {
	l.MaxComplexity = cmp.Or(l.MaxComplexity, DefaultLimits.MaxComplexity)
	l.MaxDepth = cmp.Or(l.MaxDepth, DefaultLimits.MaxDepth)
	l.MaxBodyBytes = cmp.Or(l.MaxBodyBytes, DefaultLimits.MaxBodyBytes)
	l.RequestTimeout = cmp.Or(l.RequestTimeout, DefaultLimits.RequestTimeout)
	l.MaxTokens = cmp.Or(l.MaxTokens, DefaultLimits.MaxTokens)
	l.MaxFields = cmp.Or(l.MaxFields, DefaultLimits.MaxFields)
	l.MaxAnalyses = cmp.Or(l.MaxAnalyses, DefaultLimits.MaxAnalyses)
	l.ReadTimeout = cmp.Or(l.ReadTimeout, DefaultLimits.ReadTimeout)
	l.MinBodyRate = cmp.Or(l.MinBodyRate, DefaultLimits.MinBodyRate)
	return l
}

// listCost is what a page of a list costs: its items times what each asks.
func listCost(child int, first *int, def int) int {
	n := def
	if first != nil && *first > 0 {
		n = *first
	}
	return 1 + n*child
}

// complexity counts list fields by the page size they ask for.
func complexity() graph.ComplexityRoot {
	var c graph.ComplexityRoot
	conn := func(child int, _ *buurtnet.NodeFilter, _ *model.OrderBy, first *int, _ *string, _ *model.Language) int {
		return listCost(child, first, 50)
	}
	c.Query.Organisations = conn
	c.Query.Projects = conn
	c.Query.Territories = conn
	c.Query.Funders = conn
	// An analysis reads every project in its scope and compares them, whatever
	// fields it returns. The store cannot say how many projects are in scope
	// before the query runs (the cost is computed before any resolver), so an
	// analysis has a fixed high cost and operationRules caps how many one
	// operation may hold.
	c.Query.Synergies = func(child int, _ *string, _ *string, _ *buurtnet.Date, first *int, _ *buurtnet.SynergyKind) int {
		return analysisCost + listCost(child, first, 20)
	}
	// Without first, an answer is charged as 50 overlaps, what a project of
	// a neighbourhood has; a page of them is charged by its size.
	c.Query.Overlaps = func(child int, _ string, _ *buurtnet.Date, first *int) int {
		return analysisCost + listCost(child, first, 50)
	}
	c.Query.OverlapCount = func(int, string, *buurtnet.Date) int {
		return analysisCost
	}
	c.Query.Gaps = func(child int, _ string, _ *buurtnet.Date) int {
		return analysisCost + child
	}
	c.Query.StakeholderMap = func(child int, _ string) int {
		return analysisCost + child
	}
	c.Query.Nodes = func(child int, ids []string) int {
		return 1 + len(ids)*child
	}
	networkComplexity(&c)
	consultationComplexity(&c)
	return c
}

// analysisCost is the cost of one analysis field, before what it returns:
// about what a page of 50 projects with their partners costs, which takes
// the store as long on the demo network.
const analysisCost = 500

// depthLimit refuses operations nested deeper than max, before any resolver
// runs: a query may walk partOf → parts → partOf … only so far.
type depthLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if depth := selectionDepth(oc.Operation.SelectionSet, oc.Doc.Fragments, 0); depth > d.max {
		err := gqlerror.Errorf("The query is nested %d levels deep; the limit is %d.", depth, d.max)
		err.Extensions = map[string]any{"code": "DEPTH_LIMIT_EXCEEDED", "depth": depth, "limit": d.max}
		return err
	}
	return nil
}

func selectionDepth(set ast.SelectionSet, fragments ast.FragmentDefinitionList, seen int) int {
	if seen > 100 { // fragment cycles are refused by validation; this is a guard
		return seen
	}
	deepest := 0
	for _, s := range set {
		var d int
		switch s := s.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				// Introspection has its own bound (gqlparser's MaxIntrospectionDepth
				// rule); GraphiQL's standard query is 13 levels deep.
				continue
			}
			if len(s.SelectionSet) > 0 {
				d = 1 + selectionDepth(s.SelectionSet, fragments, seen+1)
			} else {
				d = 1
			}
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, fragments, seen+1)
		case *ast.FragmentSpread:
			if f := fragments.ForName(s.Name); f != nil {
				d = selectionDepth(f.SelectionSet, fragments, seen+1)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// withBodyLimit caps request bodies; a larger body fails to parse and the
// client is told so.
func withBodyLimit(limit int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > limit && !isMultipart(r) {
			writeError(w, r, slog.Default(),
				buurtnet.Errorf(buurtnet.EINVALID, "%s", fmt.Sprintf("The request body is %d bytes; the limit is %d.", r.ContentLength, limit)))
			return
		}
		if !isMultipart(r) {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		next.ServeHTTP(w, r)
	})
}

// isMultipart: uploads are bounded by the upload transport's own, larger cap.
func isMultipart(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data")
}

// withTimeout gives every request a deadline that reaches the store.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
