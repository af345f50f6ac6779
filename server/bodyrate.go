package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/buurtnet/buurtnet"
)

// ETOOSLOW is the code of a request whose body did not arrive in time.
const ETOOSLOW = "REQUEST_TIMEOUT"

// withBodyDeadline bounds how long a request body may take to arrive: after
// grace, at least minRate bytes a second on average, and never past the
// request's timeout. A client that sends a byte every few seconds would
// otherwise hold its connection, and a slot of the caller's, for as long
// as it likes; one bound on the whole body would cut off a large upload
// over a slow but honest link. The deadline is the connection's, so a
// stalled read ends when it passes rather than when the next byte comes.
func withBodyDeadline(grace time.Duration, minRate int64, timeout time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		start := time.Now()
		b := &deadlineBody{ReadCloser: r.Body, rc: http.NewResponseController(w),
			start: start, grace: grace, minRate: minRate, last: start.Add(timeout)}
		if err := b.extend(); err != nil {
			// A connection that takes no deadline (an HTTP/2 stream without
			// support, a test recorder) is read without one.
			next.ServeHTTP(w, r)
			return
		}
		r.Body = b
		next.ServeHTTP(w, r)
	})
}

// deadlineBody moves the connection's read deadline on as the body arrives.
type deadlineBody struct {
	io.ReadCloser
	rc      *http.ResponseController
	start   time.Time
	grace   time.Duration
	minRate int64
	last    time.Time // the request's timeout: no deadline goes past it
	read    int64
}

func (b *deadlineBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.read += int64(n)
	// At the body's end, net/http lifts the deadline itself before it reads
	// ahead on the connection (to notice a client that goes away), so the
	// deadline does not reach the work that follows.
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		err = &buurtnet.Error{Code: ETOOSLOW, Message: fmt.Sprintf(
			"The request body arrived too slowly: %d bytes in %s; send at least %d bytes a second.",
			b.read, time.Since(b.start).Round(time.Second), b.minRate)}
	case err == nil && n > 0:
		_ = b.extend()
	}
	return n, err
}

// extend sets the deadline by which the body must have gone on arriving:
// grace, then the time its bytes so far take at the minimum rate.
func (b *deadlineBody) extend() error {
	d := b.start.Add(b.grace + time.Duration(float64(b.read)/float64(b.minRate)*float64(time.Second)))
	if d.After(b.last) {
		d = b.last
	}
	return b.rc.SetReadDeadline(d)
}
