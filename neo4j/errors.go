package neo4j

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/buurtnet/buurtnet"
)

// errUnavailable is what a caller sees when the server cannot be used right
// now; the driver's error stays in the chain for the log.
var errUnavailable = &buurtnet.Error{Code: buurtnet.EUNAVAILABLE, Message: "The graph database cannot be reached right now; try again shortly."}

// errRace is a uniqueness constraint that failed although the transaction
// checked first: another transaction stored the same id, enterprise number
// or link at the same moment.
var errRace = &buurtnet.Error{Code: buurtnet.ECONFLICT, Message: "Someone else stored the same thing at the same moment; reload and try again."}

// constraintFailed is the code of a uniqueness constraint violation.
const constraintFailed = "Neo.ClientError.Schema.ConstraintValidationFailed"

// wrap, deferred by every exported method, names the operation err happened
// in. run has already classified the driver's error.
func (db *DB) wrap(errp *error, format string, args ...any) {
	if *errp == nil || errors.Is(*errp, errDryRun) {
		return
	}
	*errp = fmt.Errorf("neo4j: %s: %w", fmt.Sprintf(format, args...), *errp)
}

// classify keeps in err's chain what callers act on: the domain error of
// the work function, CONFLICT for a uniqueness constraint, UNAVAILABLE when
// the server could not be reached (before or after the driver's retries),
// or the context's error when the caller gave up while a query ran. The
// driver's error (which may quote Cypher) stays behind %w for the log and
// never becomes a message.
func (db *DB) classify(ctx context.Context, err error, a attempt) error {
	var e *buurtnet.Error
	if errors.As(err, &e) || errors.Is(err, errDryRun) {
		return err
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && ne.Code == constraintFailed {
		return fmt.Errorf("%w: %w", errRace, err)
	}
	if db.closed.Load() {
		return fmt.Errorf("%w: %w", errUnavailable, err)
	}
	if cerr := ctx.Err(); cerr != nil {
		// A cancelled call is the caller's decision, whatever the driver
		// was doing. A deadline that passed while the driver was still
		// trying to get a connection (the work never ran, or lost its
		// connection) means the server is what kept the caller waiting.
		if !errors.Is(cerr, context.Canceled) && (!a.entered || unavailable(a.last) || unavailable(err)) {
			return fmt.Errorf("%w: %w", errUnavailable, cerr)
		}
		return cerr
	}
	if unavailable(err) {
		return fmt.Errorf("%w: %w", errUnavailable, err)
	}
	return err
}

// unavailable reports the driver errors that are about reaching the server
// rather than the request: no connection could be made or kept, the pool
// had none to give, or the retries for such (transient) failures ran out.
func unavailable(err error) bool {
	if err == nil {
		return false
	}
	var (
		conn  *neo4j.ConnectivityError
		limit *neo4j.TransactionExecutionLimit
		nerr  net.Error
	)
	switch {
	case errors.As(err, &conn), errors.As(err, &limit), errors.As(err, &nerr):
		return true
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed):
		return true
	}
	// Pool timeouts, and server errors such as DatabaseUnavailable, are
	// what the driver itself retries.
	return neo4j.IsRetryable(err)
}
