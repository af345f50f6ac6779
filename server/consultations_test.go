package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

const overleg = "consultation:overleg-buurtprojecten"

// The Overleg buurtprojecten (seed 002) is a consultation, not a project
// active in the whole region: it is no overlap or synergy partner, and it
// has its yearly cycle of four meetings without invented dates or themes.
func TestOverlegIsAConsultation(t *testing.T) {
	s := newDemoServer(t)

	t.Run("NoSynergyPartner", func(t *testing.T) {
		var got struct {
			Synergies []struct{ Projects []struct{ ID string } }
		}
		s.mustDo(t, `{ synergies(territory: "territory:brussels-region", first: 100) { projects { id } } }`, nil, &got)
		// It made up 5 of the 8 Brussels pairs as a project; the 3 left are
		// pairs of projects working on the ground.
		require.Len(t, got.Synergies, 3)
		for _, sy := range got.Synergies {
			for _, p := range sy.Projects {
				assert.NotContains(t, p.ID, "overleg")
			}
		}
	})

	t.Run("NoOverlapPartner", func(t *testing.T) {
		for _, p := range []string{"project:boost", "project:citisen", "project:manaige", "project:zoom-seniors", "project:senior-solidarite"} {
			var got struct{ Overlaps []overlapJSON }
			s.mustDo(t, overlapsQuery, map[string]any{"p": p}, &got)
			for _, o := range got.Overlaps {
				assert.NotContains(t, o.Project.ID, "overleg", "overlaps of %s", p)
			}
		}
		var projects struct {
			Projects struct{ Nodes []struct{ ID string } }
		}
		s.mustDo(t, `{ projects(filter: {search: "overleg"}) { nodes { id } } }`, nil, &projects)
		assert.Empty(t, projects.Projects.Nodes, "no longer a project")
	})

	t.Run("CycleOfFourMeetings", func(t *testing.T) {
		var got struct {
			Consultations struct {
				TotalCount int
				Nodes      []struct {
					ID          string
					Moderators  []struct{ ID string }
					Territories []struct{ ID string }
					Cycles      []struct {
						Period   struct{ Start, End *string }
						Meetings []struct {
							Number   int
							Date     *string
							Theme    *struct{ ID string }
							Previous *struct{ Number int }
						}
					}
				}
			}
		}
		s.mustDo(t, `{ consultations(search: "buurtprojecten") { totalCount nodes { id moderators { id } territories { id }
			cycles { period { start end } meetings { number date theme { id } previous { number } } } } } }`, nil, &got)
		require.Equal(t, 1, got.Consultations.TotalCount)
		c := got.Consultations.Nodes[0]
		assert.Equal(t, overleg, c.ID)
		assert.Equal(t, []string{"org:brusano"}, ids(c.Moderators, func(x struct{ ID string }) string { return x.ID }))
		assert.Equal(t, []string{"territory:brussels-region"}, ids(c.Territories, func(x struct{ ID string }) string { return x.ID }))
		require.Len(t, c.Cycles, 1)
		assert.Nil(t, c.Cycles[0].Period.Start, "the seed names no year")
		require.Len(t, c.Cycles[0].Meetings, 4)
		for i, m := range c.Cycles[0].Meetings {
			assert.Equal(t, i+1, m.Number)
			assert.Nil(t, m.Date, "the seed gives no date")
			assert.Nil(t, m.Theme, "the seed gives no theme")
			if i == 0 {
				assert.Nil(t, m.Previous)
			} else if assert.NotNil(t, m.Previous) {
				assert.Equal(t, i, m.Previous.Number, "in order by number, dates unknown")
			}
		}
	})
}

type briefingJSON struct {
	Meeting struct {
		Previous *struct{ ID string }
		Briefing struct {
			Theme             *struct{ ID string }
			Territory         *struct{ ID string }
			Participants      []struct{ ID string }
			Contacts          []struct{ ID string }
			Previous          *struct{ ID string }
			PreviousDecisions []string
			PreviousActions   []struct {
				Text         string
				Due          *string
				Organisation *struct{ ID string }
			}
			PreviousSignals []struct {
				Text      string
				To        *string
				Recipient *struct{ ID string }
			}
			Since, Until *string
			Projects     []struct{ ID string }
			Changes      []struct {
				Date, Event string
				Link        *string
				Project     struct{ ID string }
			}
		}
	}
}

const meetingBriefingQuery = `query($m: ID!) { meeting: node(id: $m) { ... on Meeting { previous { id } briefing {
	theme { id } territory { id } participants { id } previous { id } previousDecisions
	previousActions { text due organisation { id } } previousSignals { text to recipient { id } }
	since until projects { id } changes { date event link project { id } } } } } }`

// The briefing of a meeting comes from the meeting: the outcomes of the
// previous meeting of the cycle, its theme and territory, its participants
// and what changed since the previous meeting.
func TestMeetingBriefing(t *testing.T) {
	s := newDemoServer(t)
	const first, second = "meeting:overleg-buurtprojecten-1", "meeting:overleg-buurtprojecten-2"

	var before briefingJSON
	s.mustDo(t, meetingBriefingQuery, map[string]any{"m": first}, &before)
	assert.Nil(t, before.Meeting.Previous, "the first meeting of the cycle")
	assert.Empty(t, before.Meeting.Briefing.PreviousDecisions)

	// What the first meeting decided, asked and passed on.
	s.mustDo(t, `mutation($m: ID!) { updateMeeting(id: $m, patch: {
		decisions: ["Elke bijeenkomst één thema, gekozen door de groep"],
		actions: [{text: "Buurtanalyses van de projecten verzamelen", owner: "org:brusano", due: "2021-03-01"}],
		signals: [{text: "Projecten vinden elkaar niet over de financieringen heen", to: "de GGC", recipient: "funder:ggc"}]
	}) { id } }`, map[string]any{"m": first}, nil)
	s.mustDo(t, `mutation { link(input: {kind: MEMBER_OF, from: "org:zoom-seniors", to: "cycle:overleg-buurtprojecten"}) { kind } }`, nil, nil)

	var got briefingJSON
	s.mustDo(t, meetingBriefingQuery, map[string]any{"m": second}, &got)
	b := got.Meeting.Briefing
	require.NotNil(t, got.Meeting.Previous)
	assert.Equal(t, first, got.Meeting.Previous.ID)
	require.NotNil(t, b.Previous)
	assert.Equal(t, first, b.Previous.ID)
	assert.Equal(t, []string{"Elke bijeenkomst één thema, gekozen door de groep"}, b.PreviousDecisions)
	require.Len(t, b.PreviousActions, 1)
	assert.Equal(t, "Buurtanalyses van de projecten verzamelen", b.PreviousActions[0].Text)
	assert.Equal(t, "2021-03-01", *b.PreviousActions[0].Due)
	assert.Equal(t, "org:brusano", b.PreviousActions[0].Organisation.ID)
	require.Len(t, b.PreviousSignals, 1)
	assert.Equal(t, "de GGC", *b.PreviousSignals[0].To)
	assert.Equal(t, "funder:ggc", b.PreviousSignals[0].Recipient.ID)
	assert.Equal(t, []string{"org:zoom-seniors"}, ids(b.Participants, func(x struct{ ID string }) string { return x.ID }))
	// No territory of its own: the consultation's. No theme chosen: every
	// project there. The first meeting has no date: no changes window.
	require.NotNil(t, b.Territory)
	assert.Equal(t, "territory:brussels-region", b.Territory.ID)
	assert.Nil(t, b.Theme)
	assert.Len(t, b.Projects, 5)
	assert.Nil(t, b.Since)
	assert.Empty(t, b.Changes)

	// Given dates, a theme and a territory, the briefing narrows to them and
	// lists what changed between the two meetings.
	s.mustDo(t, `mutation { a: updateMeeting(id: "meeting:overleg-buurtprojecten-1", patch: {date: "2021-06-01"}) { id }
		b: updateMeeting(id: "meeting:overleg-buurtprojecten-2", patch: {date: "2022-01-15"}) { id }
		c: link(input: {kind: ON_THEME, from: "meeting:overleg-buurtprojecten-2", to: "theme:vroegdetectie"}) { kind }
		d: link(input: {kind: CONCERNS, from: "meeting:overleg-buurtprojecten-2", to: "territory:brabantwijk"}) { kind } }`, nil, nil)
	s.mustDo(t, meetingBriefingQuery, map[string]any{"m": second}, &got)
	b = got.Meeting.Briefing
	assert.Equal(t, "territory:brabantwijk", b.Territory.ID)
	assert.Equal(t, "theme:vroegdetectie", b.Theme.ID)
	assert.Equal(t, "2021-06-01", *b.Since)
	assert.Equal(t, "2022-01-15", *b.Until)
	// CitiSen (early detection, in Brabantwijk) runs on 15 January 2022;
	// BOOST ended in 2021 and addresses no early detection.
	assert.Equal(t, []string{"project:citisen"}, ids(b.Projects, func(x struct{ ID string }) string { return x.ID }))
	assert.Empty(t, b.Changes, "nothing about CitiSen started or ended between the two meetings")
	assert.Equal(t, []string{"Elke bijeenkomst één thema, gekozen door de groep"}, b.PreviousDecisions, "still the previous meeting's outcomes")

	// Without the theme, BOOST's end (31 December 2021) falls in the window.
	s.mustDo(t, `mutation { unlink(kind: ON_THEME, from: "meeting:overleg-buurtprojecten-2", to: "theme:vroegdetectie") }`, nil, nil)
	s.mustDo(t, meetingBriefingQuery, map[string]any{"m": second}, &got)
	var ended []string
	for _, c := range got.Meeting.Briefing.Changes {
		if c.Event == "ENDED" && c.Link == nil {
			ended = append(ended, c.Project.ID+" "+c.Date)
		}
	}
	assert.Equal(t, []string{"project:boost 2021-12-31"}, ended)
}

// An action owned by a contact person keeps the person from anonymous
// readers, as every other path to a person does.
func TestMeetingPersonsAreProtected(t *testing.T) {
	s := newDemoServer(t)
	var created struct{ CreatePerson struct{ ID string } }
	s.mustDo(t, `mutation { createPerson(input: {name: "Fictieve Coördinator"}) { id } }`, nil, &created)
	person := created.CreatePerson.ID
	s.mustDo(t, `mutation($p: ID!) { updateMeeting(id: "meeting:overleg-buurtprojecten-1", patch: {actions: [{text: "Zaal boeken", owner: $p}]}) { id }
		link(input: {kind: CONTACT_IN, from: $p, to: "cycle:overleg-buurtprojecten"}) { kind } }`, map[string]any{"p": person}, nil)

	q := `{ node(id: "meeting:overleg-buurtprojecten-1") { ... on Meeting { actions { text person { id } } } } }`
	var signedIn struct {
		Node struct {
			Actions []struct{ Person *struct{ ID string } }
		}
	}
	s.mustDo(t, q, nil, &signedIn)
	require.Len(t, signedIn.Node.Actions, 1)
	assert.Equal(t, person, signedIn.Node.Actions[0].Person.ID)

	anonymous := s.as(t, "")
	errs := anonymous.do(t, q, nil, nil)
	require.NotEmpty(t, errs)
	assert.Equal(t, "UNAUTHORIZED", errs[0].Extensions["code"])
	errs = anonymous.do(t, `{ node(id: "cycle:overleg-buurtprojecten") { ... on Cycle { contacts { id } } } }`, nil, nil)
	require.NotEmpty(t, errs)
	assert.Equal(t, "UNAUTHORIZED", errs[0].Extensions["code"])

	// The briefing keeps the action, not its owner.
	var b briefingJSON
	require.Empty(t, anonymous.do(t, meetingBriefingQuery, map[string]any{"m": "meeting:overleg-buurtprojecten-2"}, &b))
	require.Len(t, b.Meeting.Briefing.PreviousActions, 1)
	assert.Equal(t, "Zaal boeken", b.Meeting.Briefing.PreviousActions[0].Text)
	assert.Nil(t, b.Meeting.Briefing.PreviousActions[0].Organisation)

	// Nor does the network export for anonymous readers name the person.
	body := anonymous.get(t, "/export/network?format=json")
	assert.NotContains(t, body, person)
}

func TestMeetingValidation(t *testing.T) {
	s := newDemoServer(t)
	const m = "meeting:overleg-buurtprojecten-1"
	for _, tc := range []struct {
		name, patch, code, field string
	}{
		{"OwnerOfAnotherKind", `{actions: [{text: "x", owner: "project:boost"}]}`, buurtnet.EINVALID, "actions[0].owner"},
		{"OwnerUnknown", `{actions: [{text: "x", owner: "org:nope"}]}`, buurtnet.ENOTFOUND, "actions[0].owner"},
		{"EmptyDecision", `{decisions: ["  "]}`, buurtnet.EINVALID, "decisions[0]"},
		{"SignalToNobody", `{signals: [{text: "x"}]}`, buurtnet.EINVALID, "signals[0].to"},
		{"RecipientProject", `{signals: [{text: "x", recipient: "project:boost"}]}`, buurtnet.EINVALID, "signals[0].recipient"},
		{"NumberZero", `{number: 0}`, buurtnet.EINVALID, "number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.expectError(t, `mutation { updateMeeting(id: "`+m+`", patch: `+tc.patch+`) { id } }`, nil, tc.code, tc.field)
		})
	}
	t.Run("OneCyclePerMeeting", func(t *testing.T) {
		s.mustDo(t, `mutation { createCycle(input: {id: "cycle:tweede", name: {nl: "Tweede cyclus"}}) { id } }`, nil, nil)
		s.expectError(t, `mutation { link(input: {kind: MEETING_OF, from: "`+m+`", to: "cycle:tweede"}) { kind } }`, nil, buurtnet.ECONFLICT, "to")
	})
	t.Run("TooManyItems", func(t *testing.T) {
		items := make([]string, buurtnet.MaxMeetingItems+1)
		for i := range items {
			items[i] = "punt"
		}
		s.expectError(t, `mutation($a: [String!]) { updateMeeting(id: "`+m+`", patch: {agenda: $a}) { id } }`, map[string]any{"a": items}, buurtnet.EINVALID, "agenda")
	})
	t.Run("BriefingsAreCosted", func(t *testing.T) {
		errs := s.do(t, `{ consultations(first: 50) { nodes { cycles(first: 20) { meetings(first: 20) { briefing { since } } } } } }`, nil, nil)
		require.NotEmpty(t, errs)
		assert.Equal(t, "COMPLEXITY_LIMIT_EXCEEDED", errs[0].Extensions["code"])
	})
}

// get fetches path as the client's caller and returns the body.
func (s *demoServer) get(t *testing.T, path string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL+path, nil)
	require.NoError(t, err)
	if s.token != "" {
		req.Header.Set("Authorization", "Bearer "+s.token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	return string(b)
}

func TestMeetingExport(t *testing.T) {
	s := newDemoServer(t)
	s.mustDo(t, `mutation { updateMeeting(id: "meeting:overleg-buurtprojecten-1", patch: {decisions: ["Thema's kiezen"]}) { id } }`, nil, nil)

	body := s.get(t, "/export/meeting?meeting=meeting:overleg-buurtprojecten-2&lang=fr")
	assert.Contains(t, body, "# Briefing pour la réunion – Réunion 2\n")
	assert.Contains(t, body, "| Thema's kiezen |", "the previous meeting's decision")

	var b struct {
		Meeting          struct{ ID string }
		PreviousOutcomes struct{ Decisions []string }
	}
	require.NoError(t, json.Unmarshal([]byte(s.get(t, "/export/meeting?meeting=meeting:overleg-buurtprojecten-2&format=json")), &b))
	assert.Equal(t, "meeting:overleg-buurtprojecten-2", b.Meeting.ID)
	assert.Equal(t, []string{"Thema's kiezen"}, b.PreviousOutcomes.Decisions)

	for _, tc := range []struct{ query, code, field string }{
		{"meeting=meeting:nope", "NOT_FOUND", "meeting"},
		{"meeting=meeting:overleg-buurtprojecten-2&format=xlsx", "INVALID", "format"},
		{"meeting=meeting:overleg-buurtprojecten-2&territory=territory:brabantwijk", "INVALID", "territory"},
		{"format=md", "INVALID", "meeting"},
	} {
		resp, err := http.Get(s.URL + "/export/meeting?" + tc.query)
		require.NoError(t, err)
		var e struct{ Error struct{ Code, Field string } }
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&e))
		resp.Body.Close()
		assert.Equal(t, tc.code, e.Error.Code, tc.query)
		assert.Equal(t, tc.field, e.Error.Field, tc.query)
	}
}
