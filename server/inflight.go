package server

import (
	"log/slog"
	"net/http"
	"sync"

	"github.com/buurtnet/buurtnet"
)

// maxWaitingPerCaller: past this many requests waiting, a caller is refused
// at once rather than queued.
const maxWaitingPerCaller = 32

// inFlight lets each caller (a token, or an address for anonymous callers)
// run only so many requests at a time; the others wait their turn, until
// their deadline. The rate limit bounds how many requests a caller sends a
// second, not how much of the machine they occupy at once: a few clients
// sending costly requests back to back would otherwise take every core,
// and everyone else's requests would wait behind them.
type inFlight struct {
	limit int
	log   *slog.Logger
	mu    sync.Mutex
	slots map[string]*slot
}

type slot struct {
	run   chan struct{}
	users int // running or waiting
}

func newInFlight(limit int, log *slog.Logger) *inFlight {
	return &inFlight{limit: limit, log: log, slots: map[string]*slot{}}
}

func (f *inFlight) wrap(next http.Handler) http.Handler {
	if f.limit <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := callerKey(buurtnet.ActorFrom(r.Context()), callerAddress(r))
		f.mu.Lock()
		s := f.slots[key]
		if s == nil {
			s = &slot{run: make(chan struct{}, f.limit)}
			f.slots[key] = s
		}
		if s.users >= f.limit+maxWaitingPerCaller {
			f.mu.Unlock()
			w.Header().Set("Retry-After", "1")
			writeError(w, r, f.log, &buurtnet.Error{Code: ETOOMANY, Message: "Too many requests at once; wait for the answers before sending more."})
			return
		}
		s.users++
		f.mu.Unlock()
		defer func() {
			f.mu.Lock()
			if s.users--; s.users == 0 {
				delete(f.slots, key)
			}
			f.mu.Unlock()
		}()
		select {
		case s.run <- struct{}{}:
		case <-r.Context().Done():
			writeError(w, r, f.log, buurtnet.Errorf(buurtnet.EUNAVAILABLE, "The request waited too long behind this caller's other requests."))
			return
		}
		defer func() { <-s.run }()
		next.ServeHTTP(w, r)
	})
}
