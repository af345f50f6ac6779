package briefing_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

const (
	meeting1 = "meeting:overleg-buurtprojecten-1"
	meeting2 = "meeting:overleg-buurtprojecten-2"
)

// withOutcomes records outcomes of the first meeting of the demo's cycle,
// one action owned by a contact person, and dates for both meetings.
func withOutcomes(t *testing.T, db buurtnet.Store) string {
	t.Helper()
	ctx := context.Background()
	person := &buurtnet.Person{ID: "person:fictief", Name: "Fictieve Coördinator"}
	require.NoError(t, db.CreateNode(ctx, person))
	require.NoError(t, db.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkContactIn, From: person.ID, To: "cycle:overleg-buurtprojecten"}}))
	require.NoError(t, db.CreateLink(ctx, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkMemberOf, From: "org:zoom-seniors", To: "cycle:overleg-buurtprojecten"}}))
	_, err := db.UpdateNode(ctx, meeting1, func(n buurtnet.Node) error {
		m := n.(*buurtnet.Meeting)
		m.Date = date("2021-06-01")
		m.Decisions = []string{"Eén thema per bijeenkomst | vooraf gekozen"}
		m.Actions = []buurtnet.Action{
			{Text: "Buurtanalyses verzamelen", Owner: "org:brusano", Due: date("2021-09-01")},
			{Text: "Zaal boeken", Owner: person.ID},
		}
		m.Signals = []buurtnet.Signal{{Text: "Financieringen sluiten niet op elkaar aan", To: "de GGC", Recipient: "funder:ggc"}}
		return nil
	})
	require.NoError(t, err)
	_, err = db.UpdateNode(ctx, meeting2, func(n buurtnet.Node) error {
		n.(*buurtnet.Meeting).Date = date("2022-01-15")
		return nil
	})
	require.NoError(t, err)
	return person.ID
}

func TestBuildMeeting(t *testing.T) {
	db := demoStore(t)
	person := withOutcomes(t, db)
	signedIn := buurtnet.WithActor(context.Background(), buurtnet.Actor{Name: "test", Role: buurtnet.RoleViewer})

	b, err := briefing.BuildMeeting(signedIn, db, briefing.MeetingScope{Meeting: "overleg-buurtprojecten-2", Lang: buurtnet.NL, Today: today})
	require.NoError(t, err)
	assert.Equal(t, briefing.Ref{ID: meeting2, Name: "Bijeenkomst 2"}, b.Meeting)
	assert.Equal(t, "consultation:overleg-buurtprojecten", b.Consultation.ID)
	assert.Equal(t, "cycle:overleg-buurtprojecten", b.Cycle.ID)
	assert.Equal(t, briefing.Ref{ID: meeting1, Name: "Bijeenkomst 1"}, b.Previous)
	assert.Equal(t, "territory:brussels-region", b.Territory.ID, "the consultation's, the meeting has none")
	assert.Equal(t, []briefing.Ref{{ID: "org:zoom-seniors", Name: "Zoom Seniors"}}, b.Participants)
	assert.Equal(t, []briefing.Ref{{ID: person, Name: "Fictieve Coördinator"}}, b.Contacts)
	require.Len(t, b.PreviousOutcomes.Actions, 2)
	assert.Equal(t, briefing.Ref{ID: "org:brusano", Name: "Brusano"}, b.PreviousOutcomes.Actions[0].Owner)
	assert.Equal(t, person, b.PreviousOutcomes.Actions[1].Owner.ID)
	assert.Equal(t, "funder:ggc", b.PreviousOutcomes.Signals[0].Recipient.ID)
	assert.Equal(t, date("2021-06-01"), b.Since)
	assert.Equal(t, date("2022-01-15"), b.Until)
	// On 15 January 2022 BOOST (ended 2021) and MaN'Aige (no period: always)
	// differ: only projects running that day are in the list.
	var projects []string
	for _, p := range b.Projects {
		projects = append(projects, p.ID)
	}
	assert.ElementsMatch(t, []string{"project:citisen", "project:manaige", "project:senior-solidarite", "project:zoom-seniors"}, projects)
	var boostEnded bool
	for _, c := range b.Changes {
		boostEnded = boostEnded || (c.Project.ID == "project:boost" && c.Event == briefing.EventEnded && c.Link == "")
	}
	assert.True(t, boostEnded, "BOOST ended between the two meetings")

	// Anonymous: the same outcomes, without the person.
	anon, err := briefing.BuildMeeting(context.Background(), db, briefing.MeetingScope{Meeting: meeting2, Today: today})
	require.NoError(t, err)
	assert.Empty(t, anon.Contacts)
	require.Len(t, anon.PreviousOutcomes.Actions, 2)
	assert.Equal(t, briefing.Ref{}, anon.PreviousOutcomes.Actions[1].Owner)

	// The first meeting has no previous one: no outcomes, no changes.
	first, err := briefing.BuildMeeting(context.Background(), db, briefing.MeetingScope{Meeting: meeting1, Today: today})
	require.NoError(t, err)
	assert.Equal(t, briefing.Ref{}, first.Previous)
	assert.Empty(t, first.PreviousOutcomes.Decisions)
	assert.Empty(t, first.Changes)
}

func TestBuildMeetingErrors(t *testing.T) {
	db := demoStore(t)
	ctx := context.Background()
	_, err := briefing.BuildMeeting(ctx, db, briefing.MeetingScope{Meeting: "meeting:nope"})
	assert.Equal(t, buurtnet.ENOTFOUND, buurtnet.ErrorCode(err))
	assert.Equal(t, "meeting", buurtnet.ErrorField(err))
	_, err = briefing.BuildMeeting(ctx, db, briefing.MeetingScope{Meeting: "project:boost"})
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
	_, err = briefing.BuildMeeting(ctx, db, briefing.MeetingScope{Meeting: meeting1, Lang: "de"})
	assert.Equal(t, buurtnet.EINVALID, buurtnet.ErrorCode(err))
	assert.Equal(t, "lang", buurtnet.ErrorField(err))
}

func TestMeetingMarkdown(t *testing.T) {
	db := demoStore(t)
	withOutcomes(t, db)
	for _, lang := range []buurtnet.Lang{buurtnet.NL, buurtnet.FR} {
		b, err := briefing.BuildMeeting(context.Background(), db, briefing.MeetingScope{Meeting: meeting2, Lang: lang, Today: today})
		require.NoError(t, err)
		var out bytes.Buffer
		require.NoError(t, briefing.WriteMeetingMarkdown(&out, b))
		golden(t, "meeting-overleg-2-"+string(lang)+".md", out.Bytes())
	}
}

// An organisation in several projects of the scope is one participant
// with a row per project.
func TestParticipantRolesPerProject(t *testing.T) {
	db := demoStore(t)
	b, err := briefing.Build(context.Background(), db, briefing.Scope{Territory: "brussels-region", Lang: buurtnet.NL, Today: today})
	require.NoError(t, err)
	for _, p := range b.Participants {
		if p.ID == "org:zoom-seniors" {
			require.Len(t, p.Roles, 2, "BOOST and Zoom Seniors")
			return
		}
	}
	t.Fatal("Zoom Seniors takes part in BOOST and in its own project")
}

// BenchmarkMeetingBriefing builds the briefing of the demo's second
// meeting (its consultation's territory, the Brussels region, with a
// changes window), alone and as Markdown, against the territory briefing
// of the same scope (BenchmarkBrusselsRegion/build).
func BenchmarkMeetingBriefing(b *testing.B) {
	db := demoStore(b)
	ctx := context.Background()
	for _, id := range []string{meeting1, meeting2} {
		if _, err := db.UpdateNode(ctx, id, func(n buurtnet.Node) error {
			m := n.(*buurtnet.Meeting)
			m.Date = map[string]buurtnet.Date{meeting1: date("2019-06-20"), meeting2: today}[id]
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	scope := briefing.MeetingScope{Meeting: meeting2, Today: today}
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := briefing.BuildMeeting(ctx, db, scope); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("build+md", func(b *testing.B) {
		b.ReportAllocs()
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			m, err := briefing.BuildMeeting(ctx, db, scope)
			if err != nil {
				b.Fatal(err)
			}
			if err := briefing.WriteMeetingMarkdown(&buf, m); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buf.Len()), "file-bytes")
	})
}
