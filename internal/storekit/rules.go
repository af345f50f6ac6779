// Package storekit holds what the two stores (sqlite, neo4j) share and
// nothing else needs: the rules every store must decide the same way,
// which the store calls with what it fetched in its own query language
// (the store fetches, the rules decide), and the steps of Apply both take.
// It is internal: the domain's public face is the root package.
package storekit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/buurtnet/buurtnet"
)

// ApplyChange runs an UpdateNode change on n, loaded in the write's
// transaction: the id may not change, the result must validate, and the
// stamp is the store's (the next version at now), whatever change did to it.
func ApplyChange(n buurtnet.Node, change func(buurtnet.Node) error, now time.Time) error {
	id, stamp := n.NodeID(), buurtnet.Timestamps(n)
	if err := change(n); err != nil {
		return err
	}
	if n.NodeID() != id {
		return buurtnet.FieldError(buurtnet.EINVALID, "id", "an id cannot change (%q became %q)", id, n.NodeID())
	}
	if err := n.Validate(); err != nil {
		return err
	}
	buurtnet.SetStamp(n, stamp.Next(now))
	return nil
}

// CheckLinkEnds checks that both ends of a link exist and are of the kinds
// its kind connects; kinds maps the ends the store found to their kinds.
func CheckLinkEnds(k buurtnet.LinkKey, kinds map[string]buurtnet.Kind) error {
	from, to := k.Kind.Endpoints()
	for _, end := range []struct {
		field, id string
		want      buurtnet.Kind
	}{{"from", k.From, from}, {"to", k.To, to}} {
		got, ok := kinds[end.id]
		if !ok {
			return buurtnet.FieldError(buurtnet.ENOTFOUND, end.field, "there is no %s with id %q", end.want, end.id)
		}
		if got != end.want {
			return buurtnet.FieldError(buurtnet.EINVALID, end.field, "%q is a %s, a %s link needs a %s here", end.id, got, k.Kind, end.want)
		}
	}
	return nil
}

// SortKey is what a list is sorted by, before the id that breaks ties: the
// store property of the same name. NAME (and no order) sorts by the folded
// name in the requested language; START sorts projects without a start
// first, as running "since always".
func SortKey(f buurtnet.NodeFilter) string {
	switch f.OrderBy {
	case buurtnet.OrderByCreatedAt:
		return "created_at"
	case buurtnet.OrderByUpdatedAt:
		return "updated_at"
	case buurtnet.OrderByStart:
		return "period_start"
	}
	switch f.Lang {
	case buurtnet.FR:
		return "sort_fr"
	case buurtnet.EN:
		return "sort_en"
	}
	return "sort_nl"
}

// NewStamp is the stamp of something created at now: the store's,
// whatever the entity or link carried.
func NewStamp(now time.Time) buurtnet.Stamp {
	return buurtnet.Stamp{CreatedAt: now, UpdatedAt: now, Version: 1}
}

// AuditEntry is the entry for a change made in ctx (by its actor) at now.
func AuditEntry(ctx context.Context, action, subject string, now time.Time) *buurtnet.AuditEntry {
	return &buurtnet.AuditEntry{At: now, Actor: buurtnet.ActorFrom(ctx).Name, Action: action, Subject: subject}
}

// DecodeNode reads the JSON form of an entity of kind k, as stores keep it.
func DecodeNode(k buurtnet.Kind, data []byte) (buurtnet.Node, error) {
	n, err := buurtnet.NewNode(k)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, n); err != nil {
		return nil, fmt.Errorf("decode %s: %w", k, err)
	}
	return n, nil
}

// SameContent reports whether two versions of an entity differ in nothing
// but their stamps: an unchanged entity is not written again, so importing
// the same file twice changes no timestamp and no version.
func SameContent(a, b buurtnet.Node) bool {
	return contentJSON(a) == contentJSON(b)
}

// SameLinkContent is SameContent for links.
func SameLinkContent(a, b *buurtnet.Link) bool {
	ca, cb := *a, *b
	ca.Stamp, cb.Stamp = buurtnet.Stamp{}, buurtnet.Stamp{}
	ja, _ := json.Marshal(ca)
	jb, _ := json.Marshal(cb)
	return string(ja) == string(jb)
}

func contentJSON(n buurtnet.Node) string {
	saved := buurtnet.Timestamps(n)
	buurtnet.SetStamp(n, buurtnet.Stamp{})
	defer buurtnet.SetStamp(n, saved)
	b, _ := json.Marshal(n) // domain structs always marshal
	return string(b)
}

// InEntity puts the entry of the file an error is about in front of its
// field ("org[org:x].enterpriseNumber"), as Network.Validate does.
func InEntity(section, id string, err error) error {
	var e *buurtnet.Error
	if !errors.As(err, &e) {
		return err
	}
	field := fmt.Sprintf("%s[%s]", section, id)
	if e.Field != "" {
		field += "." + e.Field
	}
	return &buurtnet.Error{Code: e.Code, Field: field, Message: e.Message}
}

// Distinct returns xs without repeats, in first-seen order.
func Distinct(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
