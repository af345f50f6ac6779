package buurtnet

import (
	"fmt"
	"time"
)

// The rules below are what every store must decide the same way; stores
// fetch what the rule needs in their own query language and call these.

// ApplyChange runs an UpdateNode change on n, loaded in the write's
// transaction: the id may not change, the result must validate, and the
// stamp is the store's (the next version at now), whatever change did to it.
func ApplyChange(n Node, change func(Node) error, now time.Time) error {
	id, stamp := n.NodeID(), *n.stamp()
	if err := change(n); err != nil {
		return err
	}
	if n.NodeID() != id {
		return FieldError(EINVALID, "id", "an id cannot change (%q became %q)", id, n.NodeID())
	}
	if err := n.Validate(); err != nil {
		return err
	}
	*n.stamp() = stamp.Next(now)
	return nil
}

// CheckLinkEnds checks that both ends of a link exist and are of the kinds
// its kind connects; kinds maps the ends the store found to their kinds.
func CheckLinkEnds(k LinkKey, kinds map[string]Kind) error {
	from, to := k.Kind.Endpoints()
	for _, end := range []struct {
		field, id string
		want      Kind
	}{{"from", k.From, from}, {"to", k.To, to}} {
		got, ok := kinds[end.id]
		if !ok {
			return FieldError(ENOTFOUND, end.field, "there is no %s with id %q", end.want, end.id)
		}
		if got != end.want {
			return FieldError(EINVALID, end.field, "%q is a %s, a %s link needs a %s here", end.id, got, k.Kind, end.want)
		}
	}
	return nil
}

// NumbersToMatch returns the enterprise numbers a store must look up before
// Apply: those of the network's organisations that are new by id.
func NumbersToMatch(orgs []*Organisation, stored map[string]Node) []string {
	var numbers []string
	for _, o := range orgs {
		if stored[o.ID] == nil && o.EnterpriseNumber != "" {
			numbers = append(numbers, o.EnterpriseNumber)
		}
	}
	return numbers
}

// MatchByEnterpriseNumber decides which organisations of an imported
// network are organisations the store already has under another id: those
// new by id whose enterprise number a stored organisation holds. It returns
// file id → stored id, and adds the matched organisations to stored (by
// their stored id) so that the plan compares the file's row with them.
// holders maps enterprise numbers to the stored organisations holding them;
// inFile says which ids the network holds. Two rows claiming one stored
// organisation, or a number held by an organisation that is itself in the
// network, are conflicts.
func MatchByEnterpriseNumber(orgs []*Organisation, holders map[string]*Organisation, stored map[string]Node, inFile map[string]bool) (map[string]string, error) {
	remap := map[string]string{}
	claimed := map[string]string{} // stored id → the file's id mapped to it
	for _, o := range orgs {
		h := holders[o.EnterpriseNumber]
		if stored[o.ID] != nil || h == nil {
			continue
		}
		field := fmt.Sprintf("%s[%s].enterpriseNumber", KindOrganisation, o.ID)
		if inFile[h.ID] {
			return nil, FieldError(ECONFLICT, field, "%s has enterprise number %s, which is that of %s, also in the file", o.ID, o.EnterpriseNumber, h.ID)
		}
		if other, ok := claimed[h.ID]; ok {
			return nil, FieldError(ECONFLICT, field, "%s and %s both have enterprise number %s", other, o.ID, o.EnterpriseNumber)
		}
		claimed[h.ID] = o.ID
		remap[o.ID] = h.ID
		stored[h.ID] = h
	}
	return remap, nil
}

// SortKey is what a list is sorted by, before the id that breaks ties: the
// store property of the same name. NAME (and no order) sorts by the folded
// name in the requested language; START sorts projects without a start
// first, as running "since always".
func (f NodeFilter) SortKey() string {
	switch f.OrderBy {
	case OrderByCreatedAt:
		return "created_at"
	case OrderByUpdatedAt:
		return "updated_at"
	case OrderByStart:
		return "period_start"
	}
	switch f.Lang {
	case FR:
		return "sort_fr"
	case EN:
		return "sort_en"
	}
	return "sort_nl"
}
