package importer

import (
	"context"
	"fmt"
	"strings"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/internal/parallel"
)

type validatable interface{ Validate() error }

// check gives entries without an id one, validates every entry, finds
// duplicates and links to rows with problems, and returns the network of
// the good entries. Link ends that are not in the file are left for Import,
// which asks the store. It stops at ctx's deadline.
func check(ctx context.Context, entries []*entry, rep *Report) (*buurtnet.Network, error) {
	var nodes, links []*entry
	for _, e := range entries {
		if e.link != nil {
			links = append(links, e)
		} else {
			nodes = append(nodes, e)
		}
	}
	for i, e := range nodes {
		if err := every(ctx, i); err != nil {
			return nil, err
		}
		giveID(e, rep)
	}
	// Each row's own rules are checked on every core first; the problems
	// are then reported row by row, in the order of the file.
	nodeErrs := parallel.Errors(len(nodes), func(i int) error { return nodes[i].node.Validate() })
	for i, e := range nodes {
		if err := every(ctx, i); err != nil {
			return nil, err
		}
		validateFrom(e, rep, parallel.At(nodeErrs, i))
	}
	byID, byNumber := index(nodes, rep)
	// A link refers to a row with problems through the first row of an id;
	// in most files there is none, and the links need not look their ends up.
	badByID := map[string]*entry{}
	for id, e := range byID {
		if e.bad {
			badByID[id] = e
		}
	}
	// A link with an end given by enterprise number is validated once that
	// end is resolved; the others can be validated ahead.
	linkErrs := parallel.Errors(len(links), func(i int) error {
		if l := links[i].link; !byEnterpriseNumber(l) {
			return l.Validate()
		}
		return nil
	})
	keys := make(map[buurtnet.LinkKey]*entry, len(links))
	for i, e := range links {
		if err := every(ctx, i); err != nil {
			return nil, err
		}
		checkLink(e, badByID, byNumber, rep, parallel.At(linkErrs, i))
		if e.bad {
			continue
		}
		if first := keys[e.link.LinkKey]; first != nil {
			e.blame(rep, "", "the same link as %s", where(first))
			continue
		}
		keys[e.link.LinkKey] = e
	}

	net := &buurtnet.Network{}
	for _, e := range nodes {
		if e.bad {
			rep.addSkipped(e.at.problem("", "left out: the row has problems"))
			continue
		}
		net.Add(e.node)
		rep.nodes[e.node.NodeID()] = e.at
	}
	for _, e := range links {
		switch {
		case e.bad:
			rep.addSkipped(e.at.problem("", "left out: the row has problems"))
		case e.via != nil:
			rep.addSkipped(e.at.problem("", "left out: it refers to %s, which has problems", where(e.via)))
		default:
			net.Links = append(net.Links, e.link)
			rep.links = append(rep.links, e.at)
		}
	}
	return net, nil
}

// validate asks the domain's Validate, and asks again with each field it
// blamed set aside, so that a row with two problems shows both at once.
func validate(e *entry, rep *Report) { validateFrom(e, rep, e.target().Validate()) }

// validateFrom is validate when the first answer of Validate, err, is
// already known.
func validateFrom(e *entry, rep *Report, err error) {
	v := e.target()
	var tried map[string]bool
	for err != nil {
		field := buurtnet.ErrorField(err)
		e.blame(rep, field, "%s", message(err))
		top, _, _ := strings.Cut(field, ".")
		if field == "" || tried[top] || len(tried) > 20 {
			return
		}
		if tried == nil {
			tried = map[string]bool{}
		}
		tried[top] = true
		if v = setAside(v, top); v == nil {
			return
		}
		err = v.Validate()
	}
}

func message(err error) string {
	if m := buurtnet.ErrorMessage(err); m != "Internal error." {
		return m
	}
	return err.Error()
}

// index maps ids and enterprise numbers to their first row, blaming later
// rows that repeat one: Apply would refuse the whole file for them.
func index(nodes []*entry, rep *Report) (byID, byNumber map[string]*entry) {
	byID, byNumber = make(map[string]*entry, len(nodes)), map[string]*entry{}
	for _, e := range nodes {
		if o, ok := e.node.(*buurtnet.Organisation); ok && o.EnterpriseNumber != "" {
			if n, err := buurtnet.NormalizeEnterpriseNumber(o.EnterpriseNumber); err == nil {
				if first := byNumber[n]; first != nil {
					e.blame(rep, "enterpriseNumber", "%s is also the enterprise number of %s: list an organisation once", n, where(first))
				} else {
					byNumber[n] = e
				}
			}
		}
		id := e.node.NodeID()
		if id == "" {
			continue
		}
		if first := byID[id]; first == nil {
			byID[id] = e
		} else if e.idFrom == "id" {
			e.blame(rep, "id", "the id %q is already used by %s", id, where(first))
		} else {
			e.blame(rep, e.idFrom, "gives the same id (%s) as %s: give one of them an id of its own", id, where(first))
		}
	}
	return byID, byNumber
}

// byEnterpriseNumber tells whether an end of l is given as kbo:NUMBER.
func byEnterpriseNumber(l *buurtnet.Link) bool {
	_, from := kboRef(l.From)
	_, to := kboRef(l.To)
	return from || to
}

// checkLink resolves ends given by enterprise number, validates the link,
// and notes an end on a row with problems (badByID: the rows with problems
// by id). validated is the answer of the link's Validate when no end is
// given by enterprise number.
func checkLink(e *entry, badByID, byNumber map[string]*entry, rep *Report, validated error) {
	l := e.link
	viaNumber := byEnterpriseNumber(l)
	if !viaNumber {
		validateFrom(e, rep, validated)
		noteBadEnd(e, badByID)
		return
	}
	stand := map[string]string{} // placeholder → kbo: reference, for Validate
	for _, end := range []struct {
		field string
		id    *string
	}{{"from", &l.From}, {"to", &l.To}} {
		ref, ok := kboRef(*end.id)
		if !ok {
			continue
		}
		n, err := buurtnet.NormalizeEnterpriseNumber(ref)
		if err != nil {
			e.blame(rep, end.field, "%v", err)
			continue
		}
		if o := byNumber[n]; o != nil {
			*end.id = o.node.NodeID()
			continue
		}
		// Not in the file: Import looks it up. Validate sees the id such an
		// organisation would get, so that the link's kind is still checked.
		*end.id = "org:kbo-" + strings.ReplaceAll(n, ".", "")
		stand[*end.id] = "kbo:" + n
	}
	validate(e, rep)
	for placeholder, ref := range stand {
		if l.From == placeholder {
			l.From = ref
		}
		if l.To == placeholder {
			l.To = ref
		}
	}
	noteBadEnd(e, badByID)
}

// noteBadEnd notes in e.via an end of a good link that is a row with
// problems, by which the link is left out too.
func noteBadEnd(e *entry, badByID map[string]*entry) {
	if e.bad || len(badByID) == 0 {
		return
	}
	for _, id := range []string{e.link.From, e.link.To} {
		if n := badByID[id]; n != nil {
			e.via = n
		}
	}
}

func where(e *entry) string { return fmt.Sprintf("%s row %d", e.at.sheet.name, e.at.row) }

// every checks the deadline every 256 steps of a loop: often enough to stop
// in time, rarely enough to cost nothing.
func every(ctx context.Context, i int) error {
	if i%256 != 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("check the file: %w", err)
	}
	return nil
}
