package resolvers

import (
	"context"
	"time"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph/model"
)

// maxAuditEntries bounds auditLog(first:).
const maxAuditEntries = 1000

// Helpers of access: who the caller is, the tokens that sign callers in,
// and the audit log of what they changed.

// caller answers me: the caller's name, and its role once signed in.
func caller(ctx context.Context) *model.Caller {
	a := buurtnet.ActorFrom(ctx)
	c := &model.Caller{Name: a.Name}
	if a.IsAuthenticated() {
		c.Role = &a.Role
	}
	return c
}

// createToken makes a token; its secret is shown in this answer only.
func (r *Resolver) createToken(ctx context.Context, name string, role buurtnet.AccessRole) (*model.CreatedToken, error) {
	t, secret, err := buurtnet.NewToken(name, role)
	if err != nil {
		return nil, err
	}
	if err := r.Store.CreateToken(ctx, t); err != nil {
		return nil, err
	}
	return &model.CreatedToken{Token: t, Secret: secret}, nil
}

func (r *Resolver) revokeToken(ctx context.Context, id string) (bool, error) {
	if err := r.Store.RevokeToken(ctx, id); err != nil {
		return false, err
	}
	return true, nil
}

func (r *Resolver) auditLog(ctx context.Context, subject, actor *string, since *time.Time, first *int) ([]*buurtnet.AuditEntry, error) {
	f := buurtnet.AuditFilter{Subject: derefString(subject), Actor: derefString(actor), Since: deref(since), Limit: deref(first)}
	if f.Limit < 0 || f.Limit > maxAuditEntries {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "first", "first must be between 0 and %d", maxAuditEntries)
	}
	return r.Store.AuditLog(ctx, f)
}
