package server

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/buurtnet/buurtnet"
)

// Access configures who may call the service.
type Access struct {
	// DenyAnonymous refuses callers without a token; by default they may
	// read public data (never contact persons) and write nothing.
	DenyAnonymous bool
	// RatePerSecond and Burst bound each token's (and each anonymous
	// address's) requests; 0 turns rate limiting off.
	RatePerSecond float64
	Burst         int
	// ConcurrentPerCaller is how many requests of one caller (token, or
	// address for anonymous callers) run at a time; the others wait. 0: no
	// bound.
	ConcurrentPerCaller int
	// AuthFailuresPerMinute bounds the refused tokens per address: that
	// many at once, then one more per 60/n seconds; past it, requests with
	// a token get RATE_LIMITED without a look-up. 0: no bound.
	AuthFailuresPerMinute int
}

// gate admits a request's caller: it reads the token, bounds failed
// sign-ins per address, and applies one rate limit to every endpoint that
// does work, so that a caller cannot double its budget by spreading
// requests over /query and /export.
type gate struct {
	cfg Config
	// requests bounds each caller's requests (token, or address when
	// anonymous).
	requests *rateLimiter
	// failures bounds the tokens refused per address: each costs a store
	// lookup, and a caller guessing tokens should not get to try many.
	failures *rateLimiter
}

func newGate(cfg Config) *gate {
	g := &gate{cfg: cfg, requests: newRateLimiter(cfg.Access.RatePerSecond, cfg.Access.Burst)}
	if n := cfg.Access.AuthFailuresPerMinute; n > 0 {
		g.failures = newRateLimiter(float64(n)/60, n)
	}
	return g
}

// wrap turns the Authorization header into the request's actor. A token
// that is wrong or revoked is refused outright rather than read as
// anonymous, so a client notices its broken configuration at once.
func (g *gate) wrap(next http.Handler) http.Handler {
	cfg := g.cfg
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := buurtnet.Anonymous
		addr := callerAddress(r)
		if header := r.Header.Get("Authorization"); header != "" {
			secret, ok := strings.CutPrefix(header, "Bearer ")
			if !ok {
				writeError(w, r, cfg.Logger, buurtnet.Errorf(buurtnet.EUNAUTHORIZED, "Send a token as Authorization: Bearer <token>."))
				return
			}
			if wait := g.failures.wait(addr); wait > 0 {
				secs := int(math.Ceil(wait.Seconds()))
				w.Header().Set("Retry-After", strconv.Itoa(secs))
				writeError(w, r, cfg.Logger, &buurtnet.Error{Code: ETOOMANY,
					Message: fmt.Sprintf("Too many refused tokens from this address; try again in %d s.", secs)})
				return
			}
			t, err := cfg.Store.TokenByHash(r.Context(), buurtnet.HashSecret(strings.TrimSpace(secret)))
			if err != nil {
				if buurtnet.ErrorCode(err) == buurtnet.ENOTFOUND {
					// A success does not clear the count: one valid token
					// must not buy more guesses.
					g.failures.allow(addr)
					err = buurtnet.Errorf(buurtnet.EUNAUTHORIZED, "This token is not valid (unknown or revoked).")
				}
				writeError(w, r, cfg.Logger, err)
				return
			}
			actor = buurtnet.Actor{Name: t.Name, TokenID: t.ID, Role: t.Role}
		} else if cfg.Access.DenyAnonymous {
			writeError(w, r, cfg.Logger, buurtnet.Errorf(buurtnet.EUNAUTHORIZED, "This service needs a token: Authorization: Bearer <token>."))
			return
		}
		if !g.requests.allow(callerKey(actor, addr)) {
			w.Header().Set("Retry-After", "1")
			writeError(w, r, cfg.Logger, &buurtnet.Error{Code: ETOOMANY, Message: "Too many requests; slow down and try again in a moment."})
			return
		}
		next.ServeHTTP(w, r.WithContext(buurtnet.WithActor(r.Context(), actor)))
	})
}

// callerKey names whose budget a request spends: its token's, or its
// address's when anonymous.
func callerKey(actor buurtnet.Actor, addr string) string {
	if actor.TokenID != "" {
		return actor.TokenID
	}
	return "ip:" + addr
}

// callerAddress is the address a request came from, as bounds per address
// count it: an IPv6 address by its /64, the block one subscriber is
// usually given, since a caller can pick any address in it.
func callerAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	if ip = ip.Unmap(); ip.Is6() {
		p, err := ip.WithZone("").Prefix(64)
		if err == nil {
			return p.String()
		}
	}
	return ip.String()
}

// rateLimiter keeps a token bucket per key. Buckets idle for a while are
// dropped so that many one-off clients do not grow the map for ever.
type rateLimiter struct {
	rate  rate.Limit
	burst int
	mu    sync.Mutex
	keys  map[string]*bucket
	swept time.Time
}

type bucket struct {
	limiter *rate.Limiter
	seen    time.Time
}

func newRateLimiter(perSecond float64, burst int) *rateLimiter {
	if perSecond <= 0 {
		return nil
	}
	if burst <= 0 {
		burst = int(perSecond) + 1
	}
	return &rateLimiter{rate: rate.Limit(perSecond), burst: burst, keys: map[string]*bucket{}, swept: time.Now()}
}

func (l *rateLimiter) allow(key string) bool {
	if l == nil {
		return true
	}
	now := time.Now()
	return l.bucket(key, now).AllowN(now, 1)
}

// wait is how long key has to wait before its bucket holds a request
// again, without taking it; 0 when it does now.
func (l *rateLimiter) wait(key string) time.Duration {
	if l == nil {
		return 0
	}
	now := time.Now()
	missing := 1 - l.bucket(key, now).TokensAt(now)
	if missing <= 0 {
		return 0
	}
	return time.Duration(missing / float64(l.rate) * float64(time.Second))
}

// bucket is key's limiter, made on first use.
func (l *rateLimiter) bucket(key string, now time.Time) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > time.Minute {
		for k, b := range l.keys {
			if now.Sub(b.seen) > 10*time.Minute {
				delete(l.keys, k)
			}
		}
		l.swept = now
	}
	b := l.keys[key]
	if b == nil {
		b = &bucket{limiter: rate.NewLimiter(l.rate, l.burst)}
		l.keys[key] = b
	}
	b.seen = now
	return b.limiter
}
