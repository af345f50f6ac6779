package buurtnet_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

func meeting() *buurtnet.Meeting {
	return &buurtnet.Meeting{ID: "meeting:m", Name: buurtnet.Text{NL: "Bijeenkomst"}, Number: 1}
}

func TestMeetingValidate(t *testing.T) {
	many := make([]string, buurtnet.MaxMeetingItems+1)
	for i := range many {
		many[i] = "punt"
	}
	for _, tc := range []struct {
		name   string
		change func(*buurtnet.Meeting)
		code   string
		field  string
	}{
		{"OK", func(*buurtnet.Meeting) {}, "", ""},
		{"Outcomes", func(m *buurtnet.Meeting) {
			m.Actions = []buurtnet.Action{{Text: "Bellen", Owner: "person:p"}, {Text: "Schrijven", Owner: "org:o", Due: buurtnet.NewDate(2025, 1, 1)}}
			m.Signals = []buurtnet.Signal{{Text: "Te weinig vervoer", Recipient: "funder:f"}}
		}, "", ""},
		{"NoName", func(m *buurtnet.Meeting) { m.Name = buurtnet.Text{} }, buurtnet.EINVALID, "name"},
		{"WrongID", func(m *buurtnet.Meeting) { m.ID = "project:m" }, buurtnet.EINVALID, "id"},
		{"NumberZero", func(m *buurtnet.Meeting) { m.Number = 0 }, buurtnet.EINVALID, "number"},
		{"NumberTooHigh", func(m *buurtnet.Meeting) { m.Number = buurtnet.MaxMeetingsInCycle + 1 }, buurtnet.EINVALID, "number"},
		{"TooManyAgendaItems", func(m *buurtnet.Meeting) { m.Agenda = many }, buurtnet.EINVALID, "agenda"},
		{"EmptyDecision", func(m *buurtnet.Meeting) { m.Decisions = []string{"ok", " "} }, buurtnet.EINVALID, "decisions[1]"},
		{"LongDecision", func(m *buurtnet.Meeting) { m.Decisions = []string{strings.Repeat("é", buurtnet.MaxMeetingText+1)} }, buurtnet.EINVALID, "decisions[0]"},
		{"ActionWithoutOwner", func(m *buurtnet.Meeting) { m.Actions = []buurtnet.Action{{Text: "Bellen"}} }, buurtnet.EINVALID, "actions[0].owner"},
		{"ActionOwnedByProject", func(m *buurtnet.Meeting) { m.Actions = []buurtnet.Action{{Text: "Bellen", Owner: "project:p"}} }, buurtnet.EINVALID, "actions[0].owner"},
		{"ActionWithoutText", func(m *buurtnet.Meeting) { m.Actions = []buurtnet.Action{{Owner: "org:o"}} }, buurtnet.EINVALID, "actions[0].text"},
		{"SignalToNobody", func(m *buurtnet.Meeting) { m.Signals = []buurtnet.Signal{{Text: "x"}} }, buurtnet.EINVALID, "signals[0].to"},
		{"SignalToATerritory", func(m *buurtnet.Meeting) { m.Signals = []buurtnet.Signal{{Text: "x", Recipient: "territory:t"}} }, buurtnet.EINVALID, "signals[0].recipient"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := meeting()
			tc.change(m)
			err := m.Validate()
			if tc.code == "" {
				require.NoError(t, err)
				return
			}
			assert.Equal(t, tc.code, buurtnet.ErrorCode(err), "%v", err)
			assert.Equal(t, tc.field, buurtnet.ErrorField(err))
		})
	}
}

func TestPreviousMeeting(t *testing.T) {
	d := buurtnet.NewDate
	m := func(id string, number int, day buurtnet.Date) *buurtnet.Meeting {
		return &buurtnet.Meeting{ID: id, Number: number, Date: day}
	}
	third, first, secondB, secondA := m("meeting:c", 3, buurtnet.Date{}), m("meeting:a", 1, d(2025, 9, 1)), m("meeting:b2", 2, buurtnet.Date{}), m("meeting:b1", 2, d(2025, 3, 1))
	cycle := []*buurtnet.Meeting{third, first, secondB, secondA}
	// By number; within one number a known date first, then by id.
	assert.Nil(t, buurtnet.PreviousMeeting(first, cycle))
	assert.Equal(t, first, buurtnet.PreviousMeeting(secondA, cycle))
	assert.Equal(t, secondA, buurtnet.PreviousMeeting(secondB, cycle))
	assert.Equal(t, secondB, buurtnet.PreviousMeeting(third, cycle))
	assert.Equal(t, []*buurtnet.Meeting{third, first, secondB, secondA}, cycle, "the caller's list is left in its order")
	assert.Nil(t, buurtnet.PreviousMeeting(m("meeting:other", 5, buurtnet.Date{}), cycle), "a meeting not in the cycle has none")
}

func TestMeetingWithoutPersons(t *testing.T) {
	m := meeting()
	m.Actions = []buurtnet.Action{{Text: "Bellen", Owner: "person:p"}, {Text: "Schrijven", Owner: "org:o"}}
	c := m.WithoutPersons()
	assert.Equal(t, "", c.Actions[0].Owner)
	assert.Equal(t, "org:o", c.Actions[1].Owner)
	assert.Equal(t, "person:p", m.Actions[0].Owner, "the original is left alone")

	n := &buurtnet.Network{Meetings: []*buurtnet.Meeting{m}}
	assert.Equal(t, "", n.WithoutPersons().Meetings[0].Actions[0].Owner)
}

func TestNetworkSingleLinks(t *testing.T) {
	n := &buurtnet.Network{
		Cycles:   []*buurtnet.Cycle{{ID: "cycle:a", Name: buurtnet.Text{NL: "A"}}, {ID: "cycle:b", Name: buurtnet.Text{NL: "B"}}},
		Meetings: []*buurtnet.Meeting{meeting()},
		Links: []*buurtnet.Link{
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkMeetingOf, From: "meeting:m", To: "cycle:a"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkMeetingOf, From: "meeting:m", To: "cycle:b"}},
		},
	}
	err := n.Validate(nil)
	assert.Equal(t, buurtnet.ECONFLICT, buurtnet.ErrorCode(err))
	assert.Equal(t, "links[1]", buurtnet.ErrorField(err))

	n.Links = n.Links[:1]
	n.Meetings[0].Actions = []buurtnet.Action{{Text: "Bellen", Owner: "org:elders"}}
	err = n.Validate(nil)
	assert.Equal(t, buurtnet.ENOTFOUND, buurtnet.ErrorCode(err))
	assert.Equal(t, "meeting[meeting:m].actions[0].owner", buurtnet.ErrorField(err))
	require.NoError(t, n.Validate(map[string]bool{"org:elders": true}), "an owner already in the store")
	n.Cycles = n.Cycles[1:] // cycle:a is now only in the store
	outside := n.Outside()
	slices.Sort(outside)
	assert.Equal(t, []string{"cycle:a", "org:elders"}, outside, "what a store looks up")
}
