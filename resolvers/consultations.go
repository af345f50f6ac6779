package resolvers

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
	"github.com/buurtnet/buurtnet/graph/model"
	"github.com/buurtnet/buurtnet/resolvers/relay"
)

// maxConsultationList bounds the cycles of a consultation and the meetings
// of a cycle one field returns.
const maxConsultationList = 100

// firstN checks a list field's first argument (1 to maxConsultationList).
func firstN(first *int, def int) (int, error) {
	n := def
	if first != nil {
		n = *first
	}
	if n < 1 || n > maxConsultationList {
		return 0, buurtnet.FieldError(buurtnet.EINVALID, "first", "first must be between 1 and %d", maxConsultationList)
	}
	return n, nil
}

// consultationCycles lists a consultation's cycles by the start of their
// period (unknown last), then name.
func consultationCycles(ctx context.Context, id string, first *int) ([]*buurtnet.Cycle, error) {
	n, err := firstN(first, 5)
	if err != nil {
		return nil, err
	}
	cycles, err := neighbours[*buurtnet.Cycle](ctx, buurtnet.LinkCycleOf, Incoming, id)
	if err != nil {
		return nil, err
	}
	lang := language(ctx, nil)
	sort.SliceStable(cycles, func(i, j int) bool {
		a, b := cycles[i].Period.Start, cycles[j].Period.Start
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		if a != b {
			return a.Before(b)
		}
		return buurtnet.Fold(cycles[i].Name.In(lang)) < buurtnet.Fold(cycles[j].Name.In(lang))
	})
	return cycles[:min(n, len(cycles))], nil
}

// cycleMeetings lists a cycle's meetings in their order.
func cycleMeetings(ctx context.Context, id string, first *int) ([]*buurtnet.Meeting, error) {
	n, err := firstN(first, 12)
	if err != nil {
		return nil, err
	}
	meetings, err := neighbours[*buurtnet.Meeting](ctx, buurtnet.LinkMeetingOf, Incoming, id)
	if err != nil {
		return nil, err
	}
	buurtnet.SortMeetings(meetings)
	return meetings[:min(n, len(meetings))], nil
}

// single loads the entity at the end of id's one link of a kind (a
// meeting's cycle, theme, territory), or nil when there is none.
func single[T buurtnet.Node](ctx context.Context, kind buurtnet.LinkKind, id string) (T, error) {
	var zero T
	found, err := neighbours[T](ctx, kind, Outgoing, id)
	if err != nil || len(found) == 0 {
		return zero, err
	}
	return found[0], nil
}

// optional loads id as a T, or nil when id is "", of another kind, or gone
// (an action's owner deleted after the meeting).
func optional[T buurtnet.Node](ctx context.Context, id string) (T, error) {
	var zero T
	if id == "" {
		return zero, nil
	}
	found, err := nodesOf[T](ctx, []string{id})
	if err != nil || len(found) == 0 {
		return zero, err
	}
	return found[0], nil
}

// ownerAs loads an action's owner when it is of kind k.
func ownerAs[T buurtnet.Node](ctx context.Context, a *buurtnet.Action, k buurtnet.Kind) (T, error) {
	if buurtnet.KindOf(a.Owner) != k {
		var zero T
		return zero, nil
	}
	return optional[T](ctx, a.Owner)
}

// signalRecipient is a signal's recipient; nil when it is named in words
// only.
func signalRecipient(ctx context.Context, s *buurtnet.Signal) (buurtnet.Node, error) {
	n, err := optional[buurtnet.Node](ctx, s.Recipient)
	if err != nil || n == nil {
		return nil, err
	}
	return typed(n), nil
}

func pointers[T any](xs []T) []*T {
	out := make([]*T, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
}

// previousMeeting is the meeting before m in its cycle, by the domain's
// order; through the loaders, so a list of meetings asks the store once
// per batch, not once per meeting.
func previousMeeting(ctx context.Context, m *buurtnet.Meeting) (*buurtnet.Meeting, error) {
	of, err := linksOf(ctx, buurtnet.LinkMeetingOf, Outgoing, m.ID)
	if err != nil || len(of) == 0 {
		return nil, err
	}
	meetings, err := neighbours[*buurtnet.Meeting](ctx, buurtnet.LinkMeetingOf, Incoming, of[0].To)
	if err != nil {
		return nil, err
	}
	return buurtnet.PreviousMeeting(m, meetings), nil
}

// meetingBriefing builds m's briefing in the field's language.
func (r *Resolver) meetingBriefing(ctx context.Context, m *buurtnet.Meeting, lang *model.Language) (*briefing.MeetingBriefing, error) {
	return briefing.BuildMeeting(ctx, r.Store, briefing.MeetingScope{Meeting: m.ID, Lang: language(ctx, lang)})
}

// refAs loads the entity a briefing names, nil for a zero Ref.
func refAs[T buurtnet.Node](ctx context.Context, ref briefing.Ref) (T, error) {
	return optional[T](ctx, ref.ID)
}

func refsAs[T buurtnet.Node](ctx context.Context, refs []briefing.Ref) ([]T, error) {
	ids := make([]string, len(refs))
	for i, ref := range refs {
		ids[i] = ref.ID
	}
	return nodesOf[T](ctx, ids)
}

// briefingActions turns a briefing's named actions back into actions, so
// the API shows them as it shows a meeting's.
func briefingActions(b *briefing.MeetingBriefing) []*buurtnet.Action {
	out := make([]*buurtnet.Action, 0, len(b.PreviousOutcomes.Actions))
	for _, a := range b.PreviousOutcomes.Actions {
		out = append(out, &buurtnet.Action{Text: a.Text, Owner: a.Owner.ID, Due: a.Due})
	}
	return out
}

func briefingSignals(b *briefing.MeetingBriefing) []*buurtnet.Signal {
	out := make([]*buurtnet.Signal, 0, len(b.PreviousOutcomes.Signals))
	for _, s := range b.PreviousOutcomes.Signals {
		out = append(out, &buurtnet.Signal{Text: s.Text, To: s.To, Recipient: s.Recipient.ID})
	}
	return out
}

// createNode gives input an id when it has none and stores it.
func createNode[T buurtnet.Node](ctx context.Context, store buurtnet.Store, input T, kind buurtnet.Kind, setID func(string)) (T, error) {
	if input.NodeID() == "" {
		setID(buurtnet.NewID(kind))
	}
	if err := store.CreateNode(ctx, input); err != nil {
		var zero T
		return zero, err
	}
	return input, nil
}

func (r *Resolver) createMeeting(ctx context.Context, in model.MeetingInput) (*buurtnet.Meeting, error) {
	m := &buurtnet.Meeting{ID: derefString(in.ID), Name: deref(in.Name), Number: in.Number, Date: deref(in.Date),
		Agenda: in.Agenda, Decisions: in.Decisions, Actions: values(in.Actions), Signals: values(in.Signals), Source: derefString(in.Source)}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if err := r.checkReferences(ctx, m); err != nil {
		return nil, err
	}
	return createNode(ctx, r.Store, m, buurtnet.KindMeeting, func(id string) { m.ID = id })
}

func (r *Resolver) updateMeeting(ctx context.Context, id string, p model.MeetingPatch) (*buurtnet.Meeting, error) {
	// The owners and recipients a patch names are checked before the write;
	// the write itself validates the whole meeting.
	probe := &buurtnet.Meeting{Actions: values(p.Actions), Signals: values(p.Signals)}
	if err := r.checkReferences(ctx, probe); err != nil {
		return nil, err
	}
	return update[*buurtnet.Meeting](ctx, r.Store, id, buurtnet.KindMeeting, p.Version, meetingPatch(p).apply)
}

// checkReferences refuses a meeting naming owners or recipients that do
// not exist: ENOTFOUND on the field that names them.
func (r *Resolver) checkReferences(ctx context.Context, m *buurtnet.Meeting) error {
	refs := m.References()
	ids := make([]string, 0, len(refs))
	for _, id := range refs {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	found, err := r.Store.Nodes(ctx, ids)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, n := range found {
		known[n.NodeID()] = true
	}
	return m.CheckReferences(func(id string) bool { return known[id] })
}

func values[T any](ps []*T) []T {
	if ps == nil {
		return nil
	}
	out := make([]T, 0, len(ps))
	for _, p := range ps {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}

type meetingPatch model.MeetingPatch

func (p meetingPatch) apply(m *buurtnet.Meeting) {
	set(&m.Name, p.Name)
	set(&m.Number, p.Number)
	set(&m.Date, p.Date)
	if p.ClearDate != nil && *p.ClearDate {
		m.Date = buurtnet.Date{}
	}
	if p.Agenda != nil {
		m.Agenda = p.Agenda
	}
	if p.Decisions != nil {
		m.Decisions = p.Decisions
	}
	if p.Actions != nil {
		m.Actions = values(p.Actions)
	}
	if p.Signals != nil {
		m.Signals = values(p.Signals)
	}
	set(&m.Source, p.Source)
}

type consultationPatch model.ConsultationPatch

func (p consultationPatch) apply(c *buurtnet.Consultation) {
	set(&c.Name, p.Name)
	set(&c.Description, p.Description)
	set(&c.Website, p.Website)
	set(&c.Source, p.Source)
}

type cyclePatch model.CyclePatch

func (p cyclePatch) apply(c *buurtnet.Cycle) {
	set(&c.Name, p.Name)
	if p.Period != nil {
		c.Period = p.Period.Apply(c.Period)
	}
	set(&c.Source, p.Source)
}

// consultations lists consultations by name, as the other lists page.
func (r *Resolver) consultations(ctx context.Context, search *string, first *int, after *string, lang *model.Language) (*relay.ConsultationConnection, error) {
	f := &buurtnet.NodeFilter{Search: strings.TrimSpace(derefString(search))}
	return connection[*buurtnet.Consultation](ctx, r.Store, buurtnet.KindConsultation, f, nil, first, after, lang)
}
