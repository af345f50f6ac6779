package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// consultationNetwork is a consultation with one cycle of two meetings, the
// first with outcomes naming an organisation and a contact person.
func consultationNetwork() *buurtnet.Network {
	return &buurtnet.Network{
		Territories:   []*buurtnet.Territory{{ID: "territory:stad", Name: buurtnet.Text{NL: "Stad"}, Kind: buurtnet.TerritoryMunicipality}},
		Themes:        []*buurtnet.Term{{ID: "theme:eenzaamheid", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "Eenzaamheid"}}},
		Organisations: []*buurtnet.Organisation{{ID: "org:gastheer", Name: buurtnet.Text{NL: "Gastheer"}}, {ID: "org:lid", Name: buurtnet.Text{NL: "Lid"}}},
		Persons:       []*buurtnet.Person{{ID: "person:lid", Name: "Voorbeeld Persoon"}},
		Consultations: []*buurtnet.Consultation{{ID: "consultation:overleg", Name: buurtnet.Text{NL: "Overleg", FR: "Concertation"}}},
		Cycles:        []*buurtnet.Cycle{{ID: "cycle:overleg-1", Name: buurtnet.Text{NL: "Eerste cyclus"}}},
		Meetings: []*buurtnet.Meeting{
			{ID: "meeting:een", Name: buurtnet.Text{NL: "Bijeenkomst 1"}, Number: 1, Date: buurtnet.NewDate(2025, 3, 4),
				Agenda: []string{"Kennismaking"}, Decisions: []string{"Elke bijeenkomst één thema"},
				Actions: []buurtnet.Action{{Text: "Buurtanalyse delen", Owner: "org:lid", Due: buurtnet.NewDate(2025, 5, 1)}, {Text: "Uitnodiging sturen", Owner: "person:lid"}},
				Signals: []buurtnet.Signal{{Text: "Te weinig vervoer", To: "de gemeente"}}},
			{ID: "meeting:twee", Name: buurtnet.Text{NL: "Bijeenkomst 2"}, Number: 2},
		},
		Links: []*buurtnet.Link{
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkModerates, From: "org:gastheer", To: "consultation:overleg"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkHeldIn, From: "consultation:overleg", To: "territory:stad"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkCycleOf, From: "cycle:overleg-1", To: "consultation:overleg"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkMemberOf, From: "org:lid", To: "cycle:overleg-1"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkContactIn, From: "person:lid", To: "cycle:overleg-1"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkMeetingOf, From: "meeting:een", To: "cycle:overleg-1"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkMeetingOf, From: "meeting:twee", To: "cycle:overleg-1"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkOnTheme, From: "meeting:twee", To: "theme:eenzaamheid"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkConcerns, From: "meeting:twee", To: "territory:stad"}},
		},
	}
}

func testConsultations(t *testing.T, open Opener) {
	t.Run("ApplyAndRead", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		n := consultationNetwork()
		Load(t, s, n)

		got, err := s.Nodes(ctx, []string{"consultation:overleg", "cycle:overleg-1", "meeting:een", "meeting:twee"})
		require.NoError(t, err)
		require.Len(t, got, 4)
		byID := map[string]buurtnet.Node{}
		for _, g := range got {
			byID[g.NodeID()] = clean(g)
		}
		assert.Equal(t, clean(n.Meetings[0]), byID["meeting:een"], "outcomes come back as written")
		assert.Equal(t, clean(n.Consultations[0]), byID["consultation:overleg"])

		meetings, err := s.Links(ctx, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkMeetingOf}, To: []string{"cycle:overleg-1"}})
		require.NoError(t, err)
		assert.Equal(t, []string{"MEETING_OF meeting:een cycle:overleg-1", "MEETING_OF meeting:twee cycle:overleg-1"}, keyStrings(meetings))

		list, total := findIn(t, s, buurtnet.NodeFilter{Kind: buurtnet.KindMeeting})
		assert.Equal(t, 2, total)
		assert.Equal(t, []string{"meeting:een", "meeting:twee"}, ids(list))

		snap, err := s.Snapshot(ctx)
		require.NoError(t, err)
		assert.Equal(t, sortedNetwork(n), cleanNetwork(snap), "the snapshot holds the new kinds")

		// A consultation is no project: it takes no part in the questions.
		profiles, err := s.Profiles(ctx, buurtnet.ProfileQuery{All: true})
		require.NoError(t, err)
		assert.Empty(t, profiles)
	})

	t.Run("UpdateOutcomes", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		Load(t, s, consultationNetwork())
		n, err := s.UpdateNode(ctx, "meeting:twee", func(n buurtnet.Node) error {
			m := n.(*buurtnet.Meeting)
			m.Decisions = append(m.Decisions, "  Werkgroep vervoer  ")
			return nil
		})
		require.NoError(t, err)
		assert.Equal(t, []string{"Werkgroep vervoer"}, n.(*buurtnet.Meeting).Decisions, "trimmed by validation")
		_, err = s.UpdateNode(ctx, "meeting:twee", func(n buurtnet.Node) error {
			n.(*buurtnet.Meeting).Actions = []buurtnet.Action{{Text: "Bellen", Owner: "project:x"}}
			return nil
		})
		requireErr(t, err, buurtnet.EINVALID, "actions[0].owner")
	})

	t.Run("OneCycleOneTheme", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		n := consultationNetwork()
		n.Cycles = append(n.Cycles, &buurtnet.Cycle{ID: "cycle:overleg-2", Name: buurtnet.Text{NL: "Tweede cyclus"}})
		n.Themes = append(n.Themes, &buurtnet.Term{ID: "theme:armoede", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "Armoede"}})
		Load(t, s, n)
		err := s.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkMeetingOf, From: "meeting:een", To: "cycle:overleg-2"}})
		requireErr(t, err, buurtnet.ECONFLICT, "to")
		err = s.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkOnTheme, From: "meeting:twee", To: "theme:armoede"}})
		requireErr(t, err, buurtnet.ECONFLICT, "to")
		// The same link again is a duplicate, as for any kind.
		err = s.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkOnTheme, From: "meeting:twee", To: "theme:eenzaamheid"}})
		requireErr(t, err, buurtnet.ECONFLICT, "to")
		// Once unlinked, the meeting may take another theme.
		require.NoError(t, s.DeleteLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkOnTheme, From: "meeting:twee", To: "theme:eenzaamheid"}))
		require.NoError(t, s.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkOnTheme, From: "meeting:twee", To: "theme:armoede"}}))
		// A network with two cycles for one meeting is refused whole.
		n2 := consultationNetwork()
		n2.Cycles = append(n2.Cycles, &buurtnet.Cycle{ID: "cycle:overleg-2", Name: buurtnet.Text{NL: "Tweede cyclus"}})
		n2.Links = append(n2.Links, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkMeetingOf, From: "meeting:een", To: "cycle:overleg-2"}})
		_, err = s.Apply(ctx, n2, buurtnet.ApplyOptions{})
		requireErr(t, err, buurtnet.ECONFLICT, "links[9]")
		// So is one moving a stored meeting to another cycle (Apply removes
		// nothing it does not list); repeating the stored link is fine.
		move := &buurtnet.Network{Links: []*buurtnet.Link{
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkMeetingOf, From: "meeting:twee", To: "cycle:overleg-1"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkMeetingOf, From: "meeting:een", To: "cycle:overleg-2"}},
		}}
		_, err = s.Apply(ctx, move, buurtnet.ApplyOptions{})
		requireErr(t, err, buurtnet.ECONFLICT, "links[1]")
		_, err = s.Apply(ctx, &buurtnet.Network{Links: move.Links[:1]}, buurtnet.ApplyOptions{})
		require.NoError(t, err)
	})

	t.Run("ReferencesExist", func(t *testing.T) {
		s := open(t)
		n := consultationNetwork()
		n.Meetings[0].Actions[0].Owner = "org:nobody"
		_, err := s.Apply(t.Context(), n, buurtnet.ApplyOptions{})
		requireErr(t, err, buurtnet.ENOTFOUND, "meeting[meeting:een].actions[0].owner")
		snap, err := s.Snapshot(t.Context())
		require.NoError(t, err)
		assert.Empty(t, snap.Meetings, "a refused import writes nothing")

		// Owners already in the store count.
		full := consultationNetwork()
		Load(t, s, &buurtnet.Network{Organisations: full.Organisations, Persons: full.Persons})
		n = consultationNetwork()
		n.Organisations, n.Persons = nil, nil
		_, err = s.Apply(t.Context(), n, buurtnet.ApplyOptions{})
		require.NoError(t, err)
	})

	t.Run("DeleteCycle", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		Load(t, s, consultationNetwork())
		require.NoError(t, s.DeleteNode(ctx, "cycle:overleg-1"))
		left, err := s.Links(ctx, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkMeetingOf, buurtnet.LinkMemberOf, buurtnet.LinkContactIn, buurtnet.LinkCycleOf}})
		require.NoError(t, err)
		assert.Empty(t, left, "the cycle's links go with it")
		ms, err := s.Nodes(ctx, []string{"meeting:een", "meeting:twee"})
		require.NoError(t, err)
		assert.Len(t, ms, 2, "its meetings stay, as a project's organisations do")
	})
}

func keyStrings(ls []*buurtnet.Link) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		out = append(out, keyString(l.LinkKey))
	}
	return out
}

func findIn(t *testing.T, s buurtnet.Store, f buurtnet.NodeFilter) ([]buurtnet.Node, int) {
	t.Helper()
	ns, total, err := s.Find(t.Context(), f)
	require.NoError(t, err)
	return ns, total
}
