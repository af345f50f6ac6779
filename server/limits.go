package server

import (
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
}

// DefaultLimits fit the demo network and a facilitator's questions with
// room to spare, and stop a query that walks the graph a thousand times.
var DefaultLimits = Limits{MaxComplexity: 20000, MaxDepth: 12, MaxBodyBytes: 1 << 20, RequestTimeout: 30 * time.Second}

func (l Limits) withDefaults() Limits {
	if l.MaxComplexity == 0 {
		l.MaxComplexity = DefaultLimits.MaxComplexity
	}
	if l.MaxDepth == 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	if l.MaxBodyBytes == 0 {
		l.MaxBodyBytes = DefaultLimits.MaxBodyBytes
	}
	if l.RequestTimeout == 0 {
		l.RequestTimeout = DefaultLimits.RequestTimeout
	}
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
	c.Query.Synergies = func(child int, _ *string, _ *string, _ *buurtnet.Date, first *int) int {
		return listCost(child, first, 20)
	}
	networkComplexity(&c)
	return c
}

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
