package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/buurtnet/buurtnet"
)

// publicError is what a client may see of an error: its code, the input
// field to blame, and a message for a person. Internal errors read
// "Internal error." only; details stay in the log, under the request id the
// client also receives.
func publicError(err error) (code, field, message string) {
	var domainErr *buurtnet.Error
	switch {
	case errors.As(err, &domainErr):
		return domainErr.Code, domainErr.Field, domainErr.Message
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return buurtnet.ETIMEOUT, "", buurtnet.ErrorMessage(err)
	}
	return buurtnet.EINTERNAL, "", "Internal error."
}

// httpStatus maps an error code to the HTTP status of non-GraphQL answers.
func httpStatus(code string) int {
	switch code {
	case buurtnet.EINVALID:
		return http.StatusBadRequest
	case buurtnet.ENOTFOUND:
		return http.StatusNotFound
	case buurtnet.ECONFLICT:
		return http.StatusConflict
	case buurtnet.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case buurtnet.EFORBIDDEN:
		return http.StatusForbidden
	case buurtnet.EUNAVAILABLE, buurtnet.ETIMEOUT:
		return http.StatusServiceUnavailable
	case ETOOMANY:
		return http.StatusTooManyRequests
	case ETOOSLOW:
		return http.StatusRequestTimeout
	}
	return http.StatusInternalServerError
}

// ETOOMANY is the code of a request refused by the rate limiter.
const ETOOMANY = "RATE_LIMITED"

// writeError answers a request refused before GraphQL runs (a bad token, a
// limit) or a download with {"error": {"code", "field", "message",
// "requestId"}} — or, on /query, with a GraphQL errors list — and the
// code's HTTP status.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	code, field, message := publicError(err)
	if code == buurtnet.EINTERNAL {
		// Not the query string: on /query it is a GraphQL request, which may hold personal data.
		log.ErrorContext(r.Context(), "request failed", "request_id", requestID(r.Context()), "path", r.URL.Path, "err", err)
	}
	type errorBody struct {
		Code      string `json:"code"`
		Field     string `json:"field,omitempty"`
		Message   string `json:"message"`
		RequestID string `json:"requestId,omitempty"`
	}
	e := errorBody{Code: code, Field: field, Message: message, RequestID: requestID(r.Context())}
	var body any = map[string]any{"error": e}
	contentType := "application/json"
	if r.URL.Path == "/query" {
		contentType = responseType(r) + "; charset=utf-8"
		// GraphQL clients get the shape they parse every other error in.
		ext := map[string]any{"code": code, "requestId": e.RequestID}
		if field != "" {
			ext["field"] = field
		}
		body = map[string]any{"errors": []map[string]any{{"message": message, "extensions": ext}}}
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(httpStatus(code))
	_ = json.NewEncoder(w).Encode(body)
}

// presentError turns any error into a GraphQL error with extensions.code,
// extensions.field when one input field is to blame, and the request id.
func presentError(log *slog.Logger, m *metrics) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		if gerr.Extensions != nil && gerr.Extensions["code"] != nil {
			// gqlgen's own parse, validation and limit errors carry a code already.
			gerr.Extensions["requestId"] = requestID(ctx)
			m.countError(fmt.Sprint(gerr.Extensions["code"]))
			return gerr
		}
		code, field, message := publicError(err)
		if code == buurtnet.EINTERNAL {
			log.ErrorContext(ctx, "internal error", "request_id", requestID(ctx), "path", gerr.Path.String(), "err", err)
		}
		m.countError(code)
		gerr.Message = message
		gerr.Extensions = map[string]any{"code": code, "requestId": requestID(ctx)}
		if field == "" && code == buurtnet.EINVALID && len(gerr.Path) > 0 {
			field = gerr.Path.String() // an argument gqlgen could not read
		}
		if field != "" {
			gerr.Extensions["field"] = field
		}
		return gerr
	}
}

func recoverPanic(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "request_id", requestID(ctx), "panic", fmt.Sprint(p))
		return errors.New("panic in resolver") // presented as INTERNAL
	}
}
