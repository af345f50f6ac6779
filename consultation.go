package buurtnet

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Consultation is a recurring meeting of people from several projects, such
// as the Overleg buurtprojecten (seed 002): moderated by an organisation
// (MODERATES), held for a territory (HELD_IN), in yearly cycles (CYCLE_OF).
// It is not a project: it runs nothing on the ground, so it takes no part in
// overlaps, synergies or gaps.
type Consultation struct {
	ID          string `json:"id" yaml:"id"`
	Name        Text   `json:"name" yaml:"name"`
	Description Text   `json:"description,omitzero" yaml:"description,omitempty"`
	Website     string `json:"website,omitempty" yaml:"website,omitempty"`
	Source      string `json:"source,omitempty" yaml:"source,omitempty"`
	Stamp       `json:"stamp" yaml:"-"`
}

func (c *Consultation) NodeID() string { return c.ID }
func (c *Consultation) NodeKind() Kind { return KindConsultation }
func (c *Consultation) Names() Text    { return c.Name }
func (c *Consultation) stamp() *Stamp  { return &c.Stamp }

// Validate checks the consultation's own fields.
func (c *Consultation) Validate() error {
	c.Name = c.Name.Trimmed()
	if err := ValidateID("id", c.ID, KindConsultation); err != nil {
		return err
	}
	if err := validateName("name", c.Name); err != nil {
		return err
	}
	if err := boundedDescription("description", c.Description); err != nil {
		return err
	}
	var err error
	c.Website, err = validateWebsite("website", c.Website)
	return err
}

// Cycle is one yearly cycle of a consultation: one fixed group of
// participants (MEMBER_OF for organisations, CONTACT_IN for contact
// persons) and its meetings (MEETING_OF).
type Cycle struct {
	ID   string `json:"id" yaml:"id"`
	Name Text   `json:"name" yaml:"name"`
	// Period the cycle runs, where known.
	Period Period `json:"period,omitzero" yaml:"period,omitempty"`
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
	Stamp  `json:"stamp" yaml:"-"`
}

func (c *Cycle) NodeID() string { return c.ID }
func (c *Cycle) NodeKind() Kind { return KindCycle }
func (c *Cycle) Names() Text    { return c.Name }
func (c *Cycle) stamp() *Stamp  { return &c.Stamp }

// Validate checks the cycle's own fields.
func (c *Cycle) Validate() error {
	c.Name = c.Name.Trimmed()
	if err := ValidateID("id", c.ID, KindCycle); err != nil {
		return err
	}
	if err := validateName("name", c.Name); err != nil {
		return err
	}
	return c.Period.Validate("period")
}

// Meeting is one meeting of a cycle, with its theme (ON_THEME), the
// territory it is about (CONCERNS), its agenda and its outcomes. The
// outcomes of one meeting are what the next one's briefing starts from.
type Meeting struct {
	ID   string `json:"id" yaml:"id"`
	Name Text   `json:"name" yaml:"name"`
	// Number is the meeting's place in its cycle (1 for the first): the
	// order of meetings whose dates are not known.
	Number int `json:"number" yaml:"number"`
	// Date of the meeting, where known.
	Date      Date     `json:"date,omitzero" yaml:"date,omitempty"`
	Agenda    []string `json:"agenda,omitempty" yaml:"agenda,omitempty"`
	Decisions []string `json:"decisions,omitempty" yaml:"decisions,omitempty"`
	Actions   []Action `json:"actions,omitempty" yaml:"actions,omitempty"`
	Signals   []Signal `json:"signals,omitempty" yaml:"signals,omitempty"`
	Source    string   `json:"source,omitempty" yaml:"source,omitempty"`
	Stamp     `json:"stamp" yaml:"-"`
}

// Action is something a meeting asked someone to do.
type Action struct {
	Text string `json:"text" yaml:"text"`
	// Owner is who does it: an organisation or a contact person (personal
	// data: shown to signed-in callers only).
	Owner string `json:"owner" yaml:"owner"`
	// Due is the day it is due, where one was set.
	Due Date `json:"due,omitzero" yaml:"due,omitempty"`
}

// Signal is something a meeting passes on to someone outside it: a policy
// maker, a funder, another consultation.
type Signal struct {
	Text string `json:"text" yaml:"text"`
	// To says to whom, in words ("de gemeente", "de werkgroep eerstelijn").
	To string `json:"to,omitempty" yaml:"to,omitempty"`
	// Recipient is the organisation or funder it goes to, when it is one
	// the network knows.
	Recipient string `json:"recipient,omitempty" yaml:"recipient,omitempty"`
}

// Bounds of a meeting's lists and texts: a meeting's notes, not a minutes
// archive, and each list is shown whole in a briefing.
const (
	MaxMeetingItems    = 50   // agenda items, decisions, actions, signals: each
	MaxMeetingText     = 2000 // characters of one item
	MaxMeetingsInCycle = 100  // meetings a cycle's list answers with
)

func (m *Meeting) NodeID() string { return m.ID }
func (m *Meeting) NodeKind() Kind { return KindMeeting }
func (m *Meeting) Names() Text    { return m.Name }
func (m *Meeting) stamp() *Stamp  { return &m.Stamp }

// Validate checks the meeting's own fields; whether owners and recipients
// exist is checked against the store (see Meeting.References).
func (m *Meeting) Validate() error {
	m.Name = m.Name.Trimmed()
	if err := ValidateID("id", m.ID, KindMeeting); err != nil {
		return err
	}
	if err := validateName("name", m.Name); err != nil {
		return err
	}
	if m.Number < 1 || m.Number > MaxMeetingsInCycle {
		return FieldError(EINVALID, "number", "a meeting's number is its place in the cycle, 1 to %d, not %d", MaxMeetingsInCycle, m.Number)
	}
	var err error
	if m.Agenda, err = validateMeetingItems("agenda", m.Agenda); err != nil {
		return err
	}
	if m.Decisions, err = validateMeetingItems("decisions", m.Decisions); err != nil {
		return err
	}
	if len(m.Actions) > MaxMeetingItems {
		return FieldError(EINVALID, "actions", "a meeting has at most %d actions, not %d", MaxMeetingItems, len(m.Actions))
	}
	for i := range m.Actions {
		a := &m.Actions[i]
		field := fmt.Sprintf("actions[%d]", i)
		if a.Text, err = validateMeetingItem(field+".text", a.Text); err != nil {
			return err
		}
		if err := validateEntityRef(field+".owner", a.Owner, true, KindOrganisation, KindPerson); err != nil {
			return err
		}
	}
	if len(m.Signals) > MaxMeetingItems {
		return FieldError(EINVALID, "signals", "a meeting has at most %d signals, not %d", MaxMeetingItems, len(m.Signals))
	}
	for i := range m.Signals {
		s := &m.Signals[i]
		field := fmt.Sprintf("signals[%d]", i)
		if s.Text, err = validateMeetingItem(field+".text", s.Text); err != nil {
			return err
		}
		s.To = strings.TrimSpace(s.To)
		if len(s.To) > 300 {
			return FieldError(EINVALID, field+".to", "say to whom in at most 300 characters")
		}
		if err := validateEntityRef(field+".recipient", s.Recipient, false, KindOrganisation, KindFunder); err != nil {
			return err
		}
		if s.To == "" && s.Recipient == "" {
			return FieldError(EINVALID, field+".to", "a signal says to whom it is passed on: in words (to) or as an organisation or funder (recipient)")
		}
	}
	return nil
}

// References returns the entities the meeting's outcomes name, by the field
// that names them: they must exist when the meeting is written.
func (m *Meeting) References() map[string]string {
	out := map[string]string{}
	for i, a := range m.Actions {
		out[fmt.Sprintf("actions[%d].owner", i)] = a.Owner
	}
	for i, s := range m.Signals {
		if s.Recipient != "" {
			out[fmt.Sprintf("signals[%d].recipient", i)] = s.Recipient
		}
	}
	return out
}

// CheckReferences checks that every entity m names is among known (the ids
// that exist); ENOTFOUND naming the field otherwise. Fields are checked in
// a stable order, so the same meeting always gets the same error.
func (m *Meeting) CheckReferences(known func(id string) bool) error {
	refs := m.References()
	fields := make([]string, 0, len(refs))
	for f := range refs {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		if !known(refs[f]) {
			return FieldError(ENOTFOUND, f, "there is no %s with id %q", KindOf(refs[f]), refs[f])
		}
	}
	return nil
}

// WithoutPersons returns the meeting as a reader who is not signed in may
// see it: actions owned by a contact person keep their text and due day,
// not who owns them.
func (m *Meeting) WithoutPersons() *Meeting {
	c := *m
	c.Actions = make([]Action, len(m.Actions))
	for i, a := range m.Actions {
		if KindOf(a.Owner) == KindPerson {
			a.Owner = ""
		}
		c.Actions[i] = a
	}
	if m.Actions == nil {
		c.Actions = nil
	}
	return &c
}

// SortMeetings puts the meetings of one cycle in their order: by number,
// then by date (an unknown date last), then by id.
func SortMeetings(ms []*Meeting) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Number != b.Number {
			return a.Number < b.Number
		}
		if a.Date.IsZero() != b.Date.IsZero() {
			return !a.Date.IsZero()
		}
		if !a.Date.IsZero() && a.Date != b.Date {
			return a.Date.Before(b.Date)
		}
		return a.ID < b.ID
	})
}

// PreviousMeeting returns the meeting of the cycle that comes before m in
// the order of SortMeetings, or nil when m is the first; cycle holds the
// meetings of m's cycle, m among them.
func PreviousMeeting(m *Meeting, cycle []*Meeting) *Meeting {
	ms := append([]*Meeting(nil), cycle...)
	SortMeetings(ms)
	var prev *Meeting
	for _, x := range ms {
		if x.ID == m.ID {
			return prev
		}
		prev = x
	}
	return nil
}

func validateMeetingItems(field string, items []string) ([]string, error) {
	if len(items) > MaxMeetingItems {
		return nil, FieldError(EINVALID, field, "a meeting has at most %d %s, not %d", MaxMeetingItems, field, len(items))
	}
	for i := range items {
		var err error
		if items[i], err = validateMeetingItem(fmt.Sprintf("%s[%d]", field, i), items[i]); err != nil {
			return nil, err
		}
	}
	return items, nil
}

func validateMeetingItem(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", FieldError(EINVALID, field, "an item cannot be empty")
	case utf8.RuneCountInString(s) > MaxMeetingText:
		return "", FieldError(EINVALID, field, "an item has at most %d characters", MaxMeetingText)
	case !utf8.ValidString(s):
		return "", FieldError(EINVALID, field, "the text is not valid UTF-8")
	}
	return s, nil
}

// validateRef checks an id that must be of one of kinds; "" passes when
// the reference is optional.
func validateEntityRef(field, id string, required bool, kinds ...Kind) error {
	if id == "" && !required {
		return nil
	}
	if err := ValidateID(field, id, ""); err != nil {
		return err
	}
	if !slices.Contains(kinds, KindOf(id)) {
		return FieldError(EINVALID, field, "%q is a %s id; one of %v is needed here", id, KindOf(id), kinds)
	}
	return nil
}

func boundedDescription(field string, t Text) error {
	for _, s := range []string{t.NL, t.FR, t.EN} {
		if utf8.RuneCountInString(s) > 10000 {
			return FieldError(EINVALID, field, "a description has at most 10000 characters")
		}
	}
	return nil
}
