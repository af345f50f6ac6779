package briefing

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/buurtnet/buurtnet"
)

// MeetingBriefing is the briefing of one meeting of a consultation, taken
// from the meeting itself: its theme and territory, the cycle's fixed
// participants, what the previous meeting of the cycle decided, asked and
// passed on, and what changed on the ground since that meeting.
type MeetingBriefing struct {
	Lang         buurtnet.Lang `json:"lang"`
	Meeting      Ref           `json:"meeting"`
	Number       int           `json:"number"`
	Date         buurtnet.Date `json:"date,omitzero"`
	Consultation Ref           `json:"consultation,omitzero"`
	Cycle        Ref           `json:"cycle,omitzero"`
	// Theme is the meeting's theme; zero when none was chosen.
	Theme Ref `json:"theme,omitzero"`
	// Territory is the meeting's territory, else its consultation's; zero
	// when neither is known, and then there are no projects nor changes.
	Territory Ref      `json:"territory,omitzero"`
	Agenda    []string `json:"agenda"`
	// Participants are the organisations of the cycle, by name.
	Participants []Ref `json:"participants"`
	// Contacts are the cycle's contact persons: personal data, filled for
	// signed-in callers only.
	Contacts []Ref `json:"contacts,omitempty"`
	// Previous is the meeting before this one in the cycle; zero for the
	// first meeting.
	Previous         Ref           `json:"previous,omitzero"`
	PreviousDate     buurtnet.Date `json:"previousDate,omitzero"`
	PreviousOutcomes Outcomes      `json:"previousOutcomes"`
	// Since and Until bound the changes: from the previous meeting's date to
	// this meeting's (or the day the briefing is made). Since is zero when
	// there is no previous meeting or it has no date: then no changes can
	// be listed, and Changes is empty.
	Since buurtnet.Date `json:"since,omitzero"`
	Until buurtnet.Date `json:"until,omitzero"`
	// Projects work in the territory (on the theme, when there is one) on
	// the meeting's day, or at any time when it has no date.
	Projects []Ref         `json:"projects"`
	Changes  []Change      `json:"changes"`
	Made     buurtnet.Date `json:"made"`
}

// Outcomes are what a meeting decided, asked someone to do and passed on.
type Outcomes struct {
	Decisions []string     `json:"decisions"`
	Actions   []ActionItem `json:"actions"`
	Signals   []SignalItem `json:"signals"`
}

// ActionItem is an action with its owner named. Owner is zero when the
// owner is a contact person and the reader is not signed in.
type ActionItem struct {
	Text  string        `json:"text"`
	Owner Ref           `json:"owner,omitzero"`
	Due   buurtnet.Date `json:"due,omitzero"`
}

// SignalItem is a signal with its recipient named, when it is an entity.
type SignalItem struct {
	Text      string `json:"text"`
	To        string `json:"to,omitempty"`
	Recipient Ref    `json:"recipient,omitzero"`
}

// MeetingScope says which meeting to brief on, in which language.
type MeetingScope struct {
	Meeting string
	Lang    buurtnet.Lang
	// Today ends the changes window of a meeting without a date; zero means
	// today (UTC).
	Today buurtnet.Date
}

// BuildMeeting computes the briefing of a meeting. Which projects work in
// its territory and what changed come from buurtnet.Analyst and the same
// change rule as a territory's briefing; the meeting's cycle and previous
// meeting from buurtnet.LoadMeetingContext. Contact persons, and actions
// they own, are named only for a signed-in caller (ctx's actor). Errors:
// EINVALID for a malformed id or language, ENOTFOUND (field "meeting") for
// an unknown meeting, EUNAVAILABLE when the store cannot be reached.
func BuildMeeting(ctx context.Context, store buurtnet.Store, s MeetingScope) (*MeetingBriefing, error) {
	s.Meeting = withKind(s.Meeting, buurtnet.KindMeeting)
	lang, ok := buurtnet.ParseLang(string(cmp.Or(s.Lang, buurtnet.NL)))
	if !ok {
		return nil, buurtnet.FieldError(buurtnet.EINVALID, "lang", "%q is not a language of this service (nl, fr or en)", s.Lang)
	}
	if s.Today.IsZero() {
		s.Today = buurtnet.DateOf(time.Now())
	}
	mc, err := buurtnet.LoadMeetingContext(ctx, store, s.Meeting)
	if err != nil {
		return nil, err
	}
	// The same rule as GraphQL's: who may not read contact persons sees
	// none in a meeting either.
	signedIn := buurtnet.ActorFrom(ctx).MayRead(buurtnet.KindPerson) == nil
	meeting, previous := mc.Meeting, mc.Previous
	if !signedIn {
		meeting = meeting.WithoutPersons()
		if previous != nil {
			previous = previous.WithoutPersons()
		}
	}

	b := &MeetingBriefing{Lang: lang, Number: meeting.Number, Date: meeting.Date, Agenda: meeting.Agenda, Made: s.Today}
	b.Until = meeting.Date
	if b.Until.IsZero() {
		b.Until = s.Today
	}
	if previous != nil && !previous.Date.IsZero() && !previous.Date.After(b.Until) {
		b.Since = previous.Date
	}

	a := &buurtnet.Analyst{Store: store}
	var projects, history []*buurtnet.ProjectProfile
	var collaborations []*buurtnet.Link
	if mc.Territory != "" {
		report, err := a.Gaps(ctx, mc.Territory, meeting.Date)
		if err != nil {
			return nil, err
		}
		projects = addressing(report.Projects, mc.Theme)
		if !b.Since.IsZero() {
			// As in a territory's briefing: a project that ended between the
			// two meetings is a change, so the history has no date restriction.
			all, err := a.Gaps(ctx, mc.Territory, buurtnet.Date{})
			if err != nil {
				return nil, err
			}
			history = addressing(all.Projects, mc.Theme)
			collaborations, err = store.Links(ctx, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkCollaboratesWith}, From: ids(history)})
			if err != nil {
				return nil, fmt.Errorf("meeting briefing: collaborations: %w", err)
			}
		}
	}

	n := newNames(lang)
	n.nodes[meeting.ID] = meeting
	if previous != nil {
		n.nodes[previous.ID] = previous
	}
	if mc.Cycle != nil {
		n.nodes[mc.Cycle.ID] = mc.Cycle
	}
	if mc.Consultation != nil {
		n.nodes[mc.Consultation.ID] = mc.Consultation
	}
	n.need(mc.Theme, mc.Territory)
	n.need(mc.Participants...)
	if signedIn {
		n.need(mc.Contacts...)
	}
	if previous != nil {
		for _, id := range previous.References() {
			n.need(id)
		}
	}
	for _, p := range projects {
		n.profile(p)
	}
	for _, p := range history {
		n.profile(p)
	}
	for _, l := range collaborations {
		n.need(l.From, l.To)
	}
	if err := n.load(ctx, store); err != nil {
		return nil, err
	}

	b.Meeting = n.ref(meeting.ID)
	if mc.Cycle != nil {
		b.Cycle = n.ref(mc.Cycle.ID)
	}
	if mc.Consultation != nil {
		b.Consultation = n.ref(mc.Consultation.ID)
	}
	b.Theme, b.Territory = n.ref(mc.Theme), n.ref(mc.Territory)
	b.Participants = n.refs(mc.Participants)
	if signedIn {
		b.Contacts = n.refs(mc.Contacts)
	}
	if previous != nil {
		b.Previous, b.PreviousDate = n.ref(previous.ID), previous.Date
		b.PreviousOutcomes = n.outcomes(previous)
	}
	b.Projects = n.refs(ids(projects))
	if !b.Since.IsZero() {
		b.Changes = n.changes(history, collaborations, b.Since, b.Until)
	}
	b.fillEmpty()
	return b, nil
}

// outcomes names what m decided, asked and passed on, in m's order.
func (n *names) outcomes(m *buurtnet.Meeting) Outcomes {
	o := Outcomes{Decisions: append([]string{}, m.Decisions...)}
	for _, a := range m.Actions {
		o.Actions = append(o.Actions, ActionItem{Text: a.Text, Owner: n.ref(a.Owner), Due: a.Due})
	}
	for _, s := range m.Signals {
		o.Signals = append(o.Signals, SignalItem{Text: s.Text, To: s.To, Recipient: n.ref(s.Recipient)})
	}
	return o
}

func (b *MeetingBriefing) fillEmpty() {
	if b.Agenda == nil {
		b.Agenda = []string{}
	}
	if b.Participants == nil {
		b.Participants = []Ref{}
	}
	if b.PreviousOutcomes.Decisions == nil {
		b.PreviousOutcomes.Decisions = []string{}
	}
	if b.PreviousOutcomes.Actions == nil {
		b.PreviousOutcomes.Actions = []ActionItem{}
	}
	if b.PreviousOutcomes.Signals == nil {
		b.PreviousOutcomes.Signals = []SignalItem{}
	}
	if b.Projects == nil {
		b.Projects = []Ref{}
	}
	if b.Changes == nil {
		b.Changes = []Change{}
	}
}
