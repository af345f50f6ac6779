package server

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator/core"
	"github.com/vektah/gqlparser/v2/validator/rules"

	"github.com/buurtnet/buurtnet"
)

// maxValidationErrors is how many validation errors one answer lists. A
// document of a thousand conflicting aliases has half a million pairwise
// conflicts; listing them all once took a 135 MB answer and gigabytes of
// memory.
const maxValidationErrors = 20

// documentLimits bounds a GraphQL document before gqlgen validates it.
// Validation is not free: the rule that checks that fields of the same name
// can be merged compares them pairwise, so ten thousand repeats of one
// field kept a core busy for seconds, and validation does not watch the
// request's deadline. Counting tokens and fields first is linear, and what
// is refused here never reaches the quadratic rule.
type documentLimits struct {
	maxTokens int
	// maxFields caps the fields of a document, each fragment counted every
	// time it is spread.
	maxFields int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = documentLimits{}

func (documentLimits) ExtensionName() string                   { return "DocumentLimits" }
func (documentLimits) Validate(graphql.ExecutableSchema) error { return nil }

func (d documentLimits) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query == "" {
		return nil // gqlgen says what is missing
	}
	src := &ast.Source{Input: p.Query}
	lex := lexer.New(src)
	for n := 0; ; n++ {
		tok, err := lex.ReadToken()
		if err != nil {
			return nil // a syntax error: gqlgen's parser reports it
		}
		if tok.Kind == lexer.EOF {
			break
		}
		if n >= d.maxTokens {
			return limitError("TOKEN_LIMIT_EXCEEDED", "The query has more than %d tokens; the limit is %d. Ask for less, or split the query.", d.maxTokens, d.maxTokens)
		}
	}
	doc, err := parser.ParseQuery(src)
	if err != nil {
		return nil // reported by gqlgen, in its words
	}
	if n := countFields(doc, d.maxFields); n > d.maxFields {
		return limitError("FIELD_LIMIT_EXCEEDED", "The query selects more than %d fields (fragments counted each time they are spread); the limit is %d.", d.maxFields, d.maxFields)
	}
	if mergePairs(doc, maxMergePairs) > maxMergePairs {
		return limitError("REPEATED_FIELD_LIMIT_EXCEEDED", "The query repeats fields under the same name too often (more than %d pairs to compare); ask for each field once.", maxMergePairs)
	}
	return nil
}

// maxMergePairs bounds the pairs of same-named fields validation compares.
// Measured with gqlparser 2.5: about 2 µs a pair, so 10,000 pairs are 20 ms
// of one core; 450 aliases of one name (101,025 pairs) took 0.4 s. A query
// that names each field once has no pairs to speak of.
const maxMergePairs = 10000

// mergePairs estimates the comparisons of gqlparser's
// OverlappingFieldsCanBeMerged rule: in every selection set, fragments
// expanded, k fields of one response name are k² pairs, and their
// sub-selections are merged and compared in turn. It walks each expanded
// field once (countFields has bounded them) and stops past limit.
func mergePairs(doc *ast.QueryDocument, limit int) int {
	var merge func(sets []ast.SelectionSet) int
	merge = func(sets []ast.SelectionSet) int {
		counts := map[string]int{}
		children := map[string][]ast.SelectionSet{}
		var order []string
		visiting := map[string]bool{}
		var flatten func(set ast.SelectionSet)
		flatten = func(set ast.SelectionSet) {
			for _, s := range set {
				switch s := s.(type) {
				case *ast.Field:
					name := s.Alias
					if name == "" {
						name = s.Name
					}
					if counts[name] == 0 {
						order = append(order, name)
					}
					counts[name]++
					if len(s.SelectionSet) > 0 {
						children[name] = append(children[name], s.SelectionSet)
					}
				case *ast.InlineFragment:
					flatten(s.SelectionSet)
				case *ast.FragmentSpread:
					if f := doc.Fragments.ForName(s.Name); f != nil && !visiting[s.Name] {
						visiting[s.Name] = true
						flatten(f.SelectionSet)
						visiting[s.Name] = false
					}
				}
			}
		}
		for _, set := range sets {
			flatten(set)
		}
		pairs := 0
		for _, name := range order {
			pairs += counts[name] * counts[name]
			if pairs > limit {
				return pairs
			}
			pairs += merge(children[name])
			if pairs > limit {
				return pairs
			}
		}
		return pairs
	}
	total := 0
	for _, op := range doc.Operations {
		total += merge([]ast.SelectionSet{op.SelectionSet})
		if total > limit {
			return total
		}
	}
	// The rule checks every fragment on its own too, used or not.
	for _, f := range doc.Fragments {
		total += merge([]ast.SelectionSet{f.SelectionSet})
		if total > limit {
			return total
		}
	}
	return total
}

func limitError(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": code}
	return err
}

// countFields counts the fields of every operation of doc, expanding
// fragment spreads; it stops counting once past limit, so a fragment spread
// twice in a fragment spread twice … cannot overflow it.
func countFields(doc *ast.QueryDocument, limit int) int {
	memo := map[string]int{}
	visiting := map[string]bool{}
	var count func(ast.SelectionSet) int
	count = func(set ast.SelectionSet) int {
		n := 0
		for _, s := range set {
			switch s := s.(type) {
			case *ast.Field:
				n += 1 + count(s.SelectionSet)
			case *ast.InlineFragment:
				n += count(s.SelectionSet)
			case *ast.FragmentSpread:
				v, ok := memo[s.Name]
				if !ok {
					f := doc.Fragments.ForName(s.Name)
					if f == nil || visiting[s.Name] {
						continue // unknown fragments and cycles are refused by validation
					}
					visiting[s.Name] = true
					v = count(f.SelectionSet)
					visiting[s.Name] = false
					memo[s.Name] = v
				}
				n += v
			}
			if n > limit {
				return limit + 1
			}
		}
		return n
	}
	total := 0
	for _, op := range doc.Operations {
		total += count(op.SelectionSet)
		if total > limit {
			return limit + 1
		}
	}
	// Validation walks every fragment definition too, spread or not.
	for _, f := range doc.Fragments {
		total += count(f.SelectionSet)
		if total > limit {
			return limit + 1
		}
	}
	return total
}

// validationRules are gqlparser's rules, each reporting through a shared
// budget of maxValidationErrors errors, and without the "Did you mean …?"
// suggestions unless the schema is public (introspection on): a
// suggestion names fields an attacker could not otherwise list.
func validationRules(suggest bool) func() *rules.Rules {
	return func() *rules.Rules {
		rs := rules.NewDefaultRules()
		reported := 0
		for name, rule := range rs.GetInner() {
			rs.ReplaceRule(name, func(observers *core.Events, addError core.AddErrFunc) {
				rule(observers, func(options ...core.ErrorOption) {
					reported++
					switch {
					case reported == maxValidationErrors+1:
						addError(core.Message("There are more than %d errors; only the first %d are listed.", maxValidationErrors, maxValidationErrors))
						return
					case reported > maxValidationErrors:
						return
					}
					if suggest {
						addError(options...)
						return
					}
					var e gqlerror.Error
					for _, o := range options {
						o(&e)
					}
					if i := strings.Index(e.Message, " Did you mean"); i >= 0 {
						e.Message = e.Message[:i]
					}
					addError(func(err *gqlerror.Error) {
						err.Message, err.Locations, err.Path, err.Extensions = e.Message, e.Locations, e.Path, e.Extensions
					})
				})
			})
		}
		return rs
	}
}

// analysisFields are the root fields that each run a network-wide analysis.
var analysisFields = map[string]bool{"overlaps": true, "overlapCount": true, "synergies": true, "gaps": true, "stakeholderMap": true,
	"brokers": true, "clusters": true, "isolation": true, "uninvolved": true, "introductions": true, "bridges": true}

// operationRules refuses, after validation and before any resolver runs,
// operations that ask for more analyses than allowed, and introspection when
// it is off (as a client mistake, INVALID, rather than gqlgen's internal
// error).
type operationRules struct {
	maxAnalyses   int
	introspection bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = operationRules{}

func (operationRules) ExtensionName() string                   { return "OperationRules" }
func (operationRules) Validate(graphql.ExecutableSchema) error { return nil }

func (o operationRules) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	analyses := 0
	var introspects string
	var walk func(set ast.SelectionSet, root bool, seen int)
	walk = func(set ast.SelectionSet, root bool, seen int) {
		if seen > 100 { // fragment cycles are refused by validation; this is a guard
			return
		}
		for _, s := range set {
			switch s := s.(type) {
			case *ast.Field:
				if root && analysisFields[s.Name] {
					analyses++
				}
				if s.Name == "__schema" || s.Name == "__type" {
					introspects = s.Name
				}
			case *ast.InlineFragment:
				walk(s.SelectionSet, root, seen+1)
			case *ast.FragmentSpread:
				if f := oc.Doc.Fragments.ForName(s.Name); f != nil {
					walk(f.SelectionSet, root, seen+1)
				}
			}
		}
	}
	walk(oc.Operation.SelectionSet, oc.Operation.Operation == ast.Query, 0)
	if introspects != "" && !o.introspection {
		err := gqlerror.Errorf("Introspection is turned off on this service.")
		err.Extensions = map[string]any{"code": buurtnet.EINVALID, "field": introspects}
		return err
	}
	if analyses > o.maxAnalyses {
		err := gqlerror.Errorf("The query asks for %d analyses (overlaps, synergies, gaps, stakeholderMap and the network questions); the limit is %d per request.", analyses, o.maxAnalyses)
		err.Extensions = map[string]any{"code": "ANALYSIS_LIMIT_EXCEEDED", "analyses": analyses, "limit": o.maxAnalyses}
		return err
	}
	return nil
}
