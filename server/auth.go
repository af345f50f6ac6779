package server

import (
	"net"
	"net/http"
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
}

// withAuth turns the Authorization header into the request's actor. A
// token that is wrong or revoked is refused outright rather than read as
// anonymous, so a client notices its broken configuration at once.
func withAuth(cfg Config, next http.Handler) http.Handler {
	limiter := newRateLimiter(cfg.Access.RatePerSecond, cfg.Access.Burst)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := buurtnet.Anonymous
		if header := r.Header.Get("Authorization"); header != "" {
			secret, ok := strings.CutPrefix(header, "Bearer ")
			if !ok {
				writeError(w, r, cfg.Logger, buurtnet.Errorf(buurtnet.EUNAUTHORIZED, "Send a token as Authorization: Bearer <token>."))
				return
			}
			t, err := cfg.Store.TokenByHash(r.Context(), buurtnet.HashSecret(strings.TrimSpace(secret)))
			if err != nil {
				if buurtnet.ErrorCode(err) == buurtnet.ENOTFOUND {
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
		key := actor.TokenID
		if key == "" {
			key = "ip:" + clientIP(r)
		}
		if !limiter.allow(key) {
			w.Header().Set("Retry-After", "1")
			writeError(w, r, cfg.Logger, &buurtnet.Error{Code: ETOOMANY, Message: "Too many requests; slow down and try again in a moment."})
			return
		}
		next.ServeHTTP(w, r.WithContext(buurtnet.WithActor(r.Context(), actor)))
	})
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
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
	return b.limiter.AllowN(now, 1)
}
