package buurtnet

import (
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

// ErrorCode returns the code of the first *Error in err's chain, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the person-readable message of err; internal errors
// read as "Internal error" so that no store detail reaches a client.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
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
