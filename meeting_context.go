package buurtnet

import (
	"context"
	"fmt"
	"sort"
)

// MeetingContext is a meeting with what surrounds it: its cycle and
// consultation, its theme and territory, the cycle's fixed participants
// and its other meetings. A meeting's briefing and the API's meeting
// fields are read from it, so both see one rule for "the previous meeting"
// and for "the territory of a meeting".
type MeetingContext struct {
	Meeting      *Meeting
	Cycle        *Cycle        // nil when the meeting is of no cycle (yet)
	Consultation *Consultation // nil when the cycle is of no consultation
	// Theme is the meeting's theme, "" when none was chosen.
	Theme string
	// Territory is the meeting's own territory, else the one its
	// consultation is held for (the first by id when there are several),
	// else "".
	Territory string
	// Meetings are the cycle's meetings in order (SortMeetings), this one
	// among them; Previous is the one before it, nil for the first.
	Meetings []*Meeting
	Previous *Meeting
	// Participants are the organisations of the cycle, Contacts its contact
	// persons (personal data: the caller decides who sees them); by id.
	Participants []string
	Contacts     []string
}

// LoadMeetingContext reads the context of meeting id from store in at most six
// store calls, whatever the size of the cycle. ENOTFOUND (field "meeting")
// when there is no such meeting.
func LoadMeetingContext(ctx context.Context, store Store, id string) (*MeetingContext, error) {
	if err := ValidateID("meeting", id, KindMeeting); err != nil {
		return nil, err
	}
	found, err := store.Nodes(ctx, []string{id})
	if err != nil {
		return nil, fmt.Errorf("meeting %s: %w", id, err)
	}
	if len(found) == 0 {
		return nil, FieldError(ENOTFOUND, "meeting", "there is no meeting with id %q", id)
	}
	mc := &MeetingContext{Meeting: found[0].(*Meeting)}
	own, err := store.Links(ctx, LinkQuery{Kinds: []LinkKind{LinkMeetingOf, LinkOnTheme, LinkConcerns}, From: []string{id}})
	if err != nil {
		return nil, fmt.Errorf("meeting %s: its links: %w", id, err)
	}
	var cycle string
	for _, l := range own {
		switch l.Kind {
		case LinkMeetingOf:
			cycle = l.To
		case LinkOnTheme:
			mc.Theme = l.To
		case LinkConcerns:
			mc.Territory = l.To
		}
	}
	if cycle == "" {
		mc.Meetings = []*Meeting{mc.Meeting}
		return mc, nil
	}
	// A LinkQuery with both From and To asks for links between them, so the
	// links into the cycle and out of it are two queries.
	into, err := store.Links(ctx, LinkQuery{Kinds: []LinkKind{LinkMeetingOf, LinkMemberOf, LinkContactIn}, To: []string{cycle}})
	if err != nil {
		return nil, fmt.Errorf("meeting %s: its cycle %s: %w", id, cycle, err)
	}
	out, err := store.Links(ctx, LinkQuery{Kinds: []LinkKind{LinkCycleOf}, From: []string{cycle}})
	if err != nil {
		return nil, fmt.Errorf("meeting %s: its cycle %s: %w", id, cycle, err)
	}
	var consultation string
	ids := []string{cycle}
	for _, l := range out {
		consultation = l.To
		ids = append(ids, l.To)
	}
	for _, l := range into {
		switch l.Kind {
		case LinkMeetingOf:
			if l.From != id {
				ids = append(ids, l.From)
			}
		case LinkMemberOf:
			mc.Participants = append(mc.Participants, l.From)
		case LinkContactIn:
			mc.Contacts = append(mc.Contacts, l.From)
		}
	}
	nodes, err := store.Nodes(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("meeting %s: its cycle's entities: %w", id, err)
	}
	mc.Meetings = []*Meeting{mc.Meeting}
	for _, n := range nodes {
		switch v := n.(type) {
		case *Cycle:
			mc.Cycle = v
		case *Consultation:
			mc.Consultation = v
		case *Meeting:
			mc.Meetings = append(mc.Meetings, v)
		}
	}
	SortMeetings(mc.Meetings)
	mc.Previous = PreviousMeeting(mc.Meeting, mc.Meetings)
	sort.Strings(mc.Participants)
	sort.Strings(mc.Contacts)
	if mc.Territory == "" && consultation != "" {
		held, err := store.Links(ctx, LinkQuery{Kinds: []LinkKind{LinkHeldIn}, From: []string{consultation}})
		if err != nil {
			return nil, fmt.Errorf("meeting %s: where %s is held: %w", id, consultation, err)
		}
		if len(held) > 0 { // ordered by to: the first by id
			mc.Territory = held[0].To
		}
	}
	return mc, nil
}
