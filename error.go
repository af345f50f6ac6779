package buurtnet

import (
	"context"
	"errors"
	"fmt"
)

// Error codes. They are part of the API contract: GraphQL clients receive them
// as extensions.code, so codes are only ever added, never renamed.
const (
	EINVALID      = "INVALID"      // input breaks a rule; Field names the culprit
	ENOTFOUND     = "NOT_FOUND"    // an id that does not exist
	ECONFLICT     = "CONFLICT"     // duplicate link, stale version, cycle
	EUNAVAILABLE  = "UNAVAILABLE"  // the store cannot be reached right now
	EUNAUTHORIZED = "UNAUTHORIZED" // caller is not authenticated
	EFORBIDDEN    = "FORBIDDEN"    // caller may not do this
	EINTERNAL     = "INTERNAL"     // a bug or an unexpected failure; details stay in the log
	ETIMEOUT      = "TIMEOUT"      // the request's deadline passed, or its client left, before the answer was ready
)

// Error is the one error type of the domain. Message is written for a person;
// Field, when set, is the input field (dotted path) that caused it.
type Error struct {
	Code    string
	Field   string
	Message string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError returns an *Error that names the offending input field.
func FieldError(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, ETIMEOUT
// for a context that ended, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	} else if isContextEnd(err) {
		return ETIMEOUT
	}
	return EINTERNAL
}

// timeoutMessage is what a client reads when its question was cut off.
const timeoutMessage = "The question took longer than the request may last and was stopped; narrow it (a smaller territory, fewer results) or try again later."

// timeout is the error of a computation stopped because its context ended
// (err is ctx.Err()): the request's deadline passed or its client left.
func timeout(err error) error {
	return fmt.Errorf("%w (%w)", &Error{Code: ETIMEOUT, Message: timeoutMessage}, err)
}

func isContextEnd(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// ErrorMessage returns the person-readable message of err; internal errors
// read as "Internal error" so that no store detail reaches a client.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	} else if isContextEnd(err) {
		return timeoutMessage
	}
	return "Internal error."
}

// ErrorField returns the input field named by err, if any.
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}
