package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buurtnet/buurtnet"
)

// presentError turns any error into a GraphQL error with extensions.code
// (and extensions.field when the error names an input field). Internal
// errors reach the client as "Internal error." only; the log has the rest.
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		if gerr.Extensions != nil && gerr.Extensions["code"] != nil {
			return gerr // gqlgen's own (parse / validation) errors already carry a code
		}
		var domainErr *buurtnet.Error
		if !errors.As(err, &domainErr) {
			if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
				domainErr = buurtnet.Errorf(buurtnet.EUNAVAILABLE, "The request took too long and was stopped.")
			}
		}
		code := buurtnet.ErrorCode(err)
		if domainErr != nil {
			code = domainErr.Code
		}
		if code == buurtnet.EINTERNAL {
			log.ErrorContext(ctx, "internal error", "path", gerr.Path.String(), "err", err)
			gerr.Message = "Internal error."
		} else {
			gerr.Message = domainErr.Message
		}
		gerr.Extensions = map[string]any{"code": code}
		if domainErr != nil && domainErr.Field != "" {
			gerr.Extensions["field"] = domainErr.Field
		} else if len(gerr.Path) > 0 && code == buurtnet.EINVALID {
			gerr.Extensions["field"] = gerr.Path.String()
		}
		return gerr
	}
}

func recoverPanic(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p))
		return errors.New("panic in resolver") // presented as INTERNAL
	}
}
