package resolvers

import (
	"context"
	"strings"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
)

type langKey struct{}

// WithAcceptLanguage records the language a request's Accept-Language header
// prefers (the first one the service speaks), as the default for name fields.
func WithAcceptLanguage(ctx context.Context, header string) context.Context {
	if l, ok := buurtnet.PreferredLang(header); ok {
		return context.WithValue(ctx, langKey{}, l)
	}
	return ctx
}

// language picks the language of a field: its argument, else the request's
// Accept-Language, else Dutch.
func language(ctx context.Context, arg *model.Language) buurtnet.Lang {
	if arg != nil {
		return buurtnet.Lang(strings.ToLower(string(*arg)))
	}
	if l, ok := ctx.Value(langKey{}).(buurtnet.Lang); ok {
		return l
	}
	return buurtnet.NL
}

// RequestLanguage is the language of the request's Accept-Language header,
// Dutch without one: that of every name field asked without an argument.
func RequestLanguage(ctx context.Context) buurtnet.Lang { return language(ctx, nil) }

func text(ctx context.Context, t buurtnet.Text, arg *model.Language) string {
	return t.In(language(ctx, arg))
}

func optionalText(ctx context.Context, t buurtnet.Text, arg *model.Language) *string {
	if t.IsEmpty() {
		return nil
	}
	s := t.In(language(ctx, arg))
	return &s
}
