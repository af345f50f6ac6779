package buurtnet

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"
)

// AccessRole is what a caller may do. Roles are ordered: each may do what
// the ones before it may.
type AccessRole string

const (
	// RoleViewer reads everything, contact persons included.
	RoleViewer AccessRole = "VIEWER"
	// RoleEditor also writes: entities, links, imports.
	RoleEditor AccessRole = "EDITOR"
	// RoleAdmin also manages tokens and reads the audit log.
	RoleAdmin AccessRole = "ADMIN"
)

var AccessRoles = []AccessRole{RoleViewer, RoleEditor, RoleAdmin}

func (r AccessRole) rank() int {
	for i, x := range AccessRoles {
		if x == r {
			return i + 1
		}
	}
	return 0 // anonymous, or unknown
}

// Actor is who makes a request: a token's holder, or anonymous (zero Role).
type Actor struct {
	// Name is the token's name ("anonymous" without one); it goes in the audit log.
	Name    string
	TokenID string
	Role    AccessRole
}

// Anonymous is the actor of a request without a token.
var Anonymous = Actor{Name: "anonymous"}

// IsAuthenticated reports whether the actor holds a valid token.
func (a Actor) IsAuthenticated() bool { return a.Role.rank() > 0 }

// MayRead returns nil when the actor may read entities of kind k. Contact
// persons are personal data, for signed-in callers only (RoleViewer and
// up); everything else is public. GraphQL and the exports both ask here, so
// an anonymous download leaves out exactly what the API refuses.
func (a Actor) MayRead(k Kind) error {
	if k == KindPerson {
		return a.Require(RoleViewer)
	}
	return nil
}

// Require returns nil when the actor may act as role: EUNAUTHORIZED for an
// anonymous caller, EFORBIDDEN for a token whose role is too low.
func (a Actor) Require(role AccessRole) error {
	switch {
	case !a.IsAuthenticated():
		return Errorf(EUNAUTHORIZED, "Sign in with a token (Authorization: Bearer …) to do this.")
	case a.Role.rank() < role.rank():
		return Errorf(EFORBIDDEN, "This needs the %s role; the token %q has %s.", role, a.Name, a.Role)
	}
	return nil
}

type actorKey struct{}

// WithActor returns ctx carrying the actor of the request; stores read it to
// write the audit log.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the request's actor, Anonymous when none was set.
func ActorFrom(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok {
		return a
	}
	return Anonymous
}

// Token is an API key. Only its hash is stored: the secret is shown once,
// when it is created, and cannot be read back.
type Token struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Role      AccessRole `json:"role"`
	Hash      string     `json:"-"`
	CreatedAt time.Time  `json:"createdAt"`
	// RevokedAt is set once the token is revoked; a revoked token opens nothing.
	RevokedAt *time.Time `json:"revokedAt,omitempty"`
}

// tokenPrefix makes secrets recognisable (in logs, in secret scanners).
const tokenPrefix = "bnt_"

// NewToken makes a token with a fresh secret. The secret has 256 random
// bits, so a fast hash (SHA-256) is enough to store it: there is nothing to
// guess, unlike a password.
func NewToken(name string, role AccessRole) (*Token, string, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 100 {
		return nil, "", FieldError(EINVALID, "name", "a token needs a name of at most 100 characters, saying who or what uses it")
	}
	if role.rank() == 0 {
		return nil, "", FieldError(EINVALID, "role", "%q is not one of %v", role, AccessRoles)
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, "", err
	}
	secret := tokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	var id [6]byte
	_, _ = rand.Read(id[:])
	return &Token{ID: "token:" + hex.EncodeToString(id[:]), Name: name, Role: role, Hash: HashSecret(secret)}, secret, nil
}

// HashSecret is how a token's secret is stored and looked up.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
