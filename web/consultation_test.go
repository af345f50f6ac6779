package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// The Overleg buurtprojecten as the explorer shows it: reachable from the
// navigation, its cycle with participants and meetings in order, a meeting
// with its outcomes and the previous meeting's, the briefing as Markdown,
// and contact persons only for a signed-in viewer.
func TestExplorerConsultations(t *testing.T) {
	e := newExplorer(t)
	editor := e.token(buurtnet.RoleEditor)

	// The demo network gives the meetings no date, theme or outcome (the
	// seed names none); the facilitator's notes are added here, as an
	// editor would.
	var person struct{ CreatePerson struct{ ID string } }
	require.Empty(t, e.gql(editor, `mutation { createPerson(input: {name: "Testpersoon Overleg", function: "projectcoördinator"}) { id } }`, nil, &person))
	pid := person.CreatePerson.ID
	const cycle = "cycle:overleg-buurtprojecten"
	for _, l := range []string{
		fmt.Sprintf(`{kind: CONTACT_IN, from: %q, to: %q}`, pid, cycle),
		fmt.Sprintf(`{kind: MEMBER_OF, from: "org:brusano", to: %q}`, cycle),
		`{kind: ON_THEME, from: "meeting:overleg-buurtprojecten-2", to: "theme:vroegdetectie"}`,
		`{kind: CONCERNS, from: "meeting:overleg-buurtprojecten-2", to: "territory:brabantwijk"}`,
	} {
		require.Empty(t, e.gql(editor, `mutation { link(input: `+l+`) { kind } }`, nil, nil), l)
	}
	require.Empty(t, e.gql(editor, `mutation($p: ID!) { updateMeeting(id: "meeting:overleg-buurtprojecten-1", patch: {
		decisions: ["Een buurtwandeling in Brabantwijk plannen"],
		actions: [{text: "De partnerlijst delen", owner: "org:brusano", due: "2026-02-01"}, {text: "Het verslag rondsturen", owner: $p}],
		signals: [{text: "Tekort aan tolken bij huisbezoeken", to: "de gemeenschapscommissie", recipient: "funder:ggc"}] }) { version } }`,
		map[string]any{"p": pid}, nil))
	require.Empty(t, e.gql(editor, `mutation { updateMeeting(id: "meeting:overleg-buurtprojecten-2", patch: {
		date: "2026-03-10", agenda: ["Terugblik op de buurtwandeling", "Vroegdetectie in de wijk"] }) { version } }`, nil, nil))

	t.Run("list", func(t *testing.T) {
		e.t = t
		e.open("/")
		e.click("[data-testid=nav-consultations]")
		e.ready("/consultations")
		row := e.text("main table tbody")
		assert.Contains(t, row, "Overleg buurtprojecten")
		assert.Contains(t, row, "Brusano", "its moderator")
		assert.Contains(t, row, "Jaarlijkse cyclus")
		e.noOverflow("consultations")
		e.axe("consultations")
		e.shot("consultations-1280")

		e.open("/search?q=buurtprojecten")
		found := eval[[]string](e, `[...document.querySelectorAll('[data-kind="kind.consultation"] ul.results a')].map(a => new URL(a.href).pathname)`)
		assert.Equal(t, []string{"/consultation/overleg-buurtprojecten"}, found, "the search finds a consultation by name")
		e.open("/consultations")
	})

	t.Run("consultation", func(t *testing.T) {
		e.t = t
		e.click(`main a[href="/consultation/overleg-buurtprojecten"]`)
		e.ready("/consultation/overleg-buurtprojecten")
		assert.Equal(t, "Overleg buurtprojecten", e.text("h1"))
		facts := e.text("dl.facts")
		assert.Contains(t, facts, "Brusano")
		assert.Contains(t, facts, "Brussel", "held for the region")
		cyc := fmt.Sprintf(`section.cycle[data-cycle=%q]`, cycle)
		assert.Contains(t, e.text(cyc+" ul.inline"), "Brusano", "the cycle's participants")
		got := eval[[]string](e, `[...document.querySelectorAll('section.cycle tbody tr td:nth-child(2) a')].map(a => new URL(a.href).pathname)`)
		assert.Equal(t, []string{"/meeting/overleg-buurtprojecten-1", "/meeting/overleg-buurtprojecten-2",
			"/meeting/overleg-buurtprojecten-3", "/meeting/overleg-buurtprojecten-4"}, got, "the four meetings in order")
		assert.Equal(t, 3, eval[int](e, `[...document.querySelectorAll('section.cycle tbody tr td:nth-child(3)')].filter(td => td.textContent === 'geen datum opgegeven').length`),
			"no invented dates: three meetings have none")
		assert.Contains(t, e.text(cyc), "Contactpersonen zijn zichtbaar na aanmelden")
		assert.NotContains(t, eval[string](e, `document.body.innerHTML`), "Testpersoon")
		e.noOverflow("consultation")
		e.axe("consultation")
		e.shot("consultation-1280")
	})

	t.Run("phone", func(t *testing.T) {
		e.t = t
		e.do(chromedp.EmulateViewport(390, 900))
		for name, path := range map[string]string{"consultations": "/consultations", "consultation": "/consultation/overleg-buurtprojecten"} {
			e.open(path)
			e.noOverflow(name)
			e.axe(name)
			e.shot(name + "-390")
		}
	})

	for _, width := range []int64{1280, 390} {
		t.Run(fmt.Sprintf("meeting-%d", width), func(t *testing.T) {
			e.t = t
			e.do(chromedp.EmulateViewport(width, 900))
			e.open("/meeting/overleg-buurtprojecten-2")
			assert.Equal(t, "Bijeenkomst 2", e.text("h1"))
			facts := e.text("dl.facts")
			assert.Contains(t, facts, "2026", "its date")
			assert.Contains(t, facts, "Vroegdetectie", "its theme")
			assert.Contains(t, facts, "Brabantwijk", "its territory")
			assert.Equal(t, []string{"Terugblik op de buurtwandeling", "Vroegdetectie in de wijk"},
				eval[[]string](e, `[...document.querySelectorAll('[data-testid=agenda] li')].map(li => li.textContent)`))
			assert.Contains(t, e.text(`[data-part="consult.participants"]`), "Brusano", "the cycle's fixed participants")
			prev := `[data-part="meeting.previous"]`
			assert.Contains(t, e.text(prev+" [data-testid=previous-decisions]"), "Een buurtwandeling in Brabantwijk plannen")
			actions := e.text(prev + " table")
			assert.Contains(t, actions, "De partnerlijst delen")
			assert.Contains(t, actions, "Brusano", "an organisation owns the first action")
			assert.Contains(t, actions, "2026", "its due date")
			assert.Contains(t, actions, "een contactpersoon (zichtbaar na aanmelden)", "a person owns the second")
			signals := e.text(prev + " div.scroll:last-of-type table")
			assert.Contains(t, signals, "Tekort aan tolken bij huisbezoeken")
			assert.Contains(t, signals, "de gemeenschapscommissie", "to whom, in words")
			assert.Equal(t, "/funder/ggc", eval[string](e, `new URL(document.querySelector('[data-part="meeting.previous"] a[href^="/funder/"]').href).pathname`))
			assert.NotContains(t, eval[string](e, `document.body.innerHTML`), "Testpersoon", "no person for an anonymous visitor")
			assert.Contains(t, e.text(`[data-part="meeting.decisions"]`), "Geen beslissingen genoteerd.")
			href := eval[string](e, `document.querySelector('[data-testid=meeting-briefing-md]').getAttribute('href')`)
			assert.Contains(t, href, "/export/meeting?meeting=meeting%3Aoverleg-buurtprojecten-2&format=md")
			e.noOverflow("meeting")
			e.axe("meeting")
			e.shot(fmt.Sprintf("meeting-%d", width))
		})
	}
	e.t = t
	e.do(chromedp.EmulateViewport(1280, 900))

	t.Run("first-meeting", func(t *testing.T) {
		e.t = t
		e.open("/meeting/overleg-buurtprojecten-1")
		facts := e.text("dl.facts")
		assert.Contains(t, facts, "geen datum opgegeven")
		assert.Contains(t, facts, "geen thema opgegeven")
		assert.Contains(t, facts, "(waarvoor het overleg gehouden wordt)", "no territory of its own: the consultation's")
		assert.Contains(t, e.text(`[data-part="meeting.previous"]`), "Dit is de eerste bijeenkomst van de cyclus.")
		assert.Contains(t, e.text(`[data-part="meeting.decisions"]`), "Een buurtwandeling in Brabantwijk plannen")
		e.click(`a[rel=next]`)
		e.ready("/meeting/overleg-buurtprojecten-2")
		e.axe("meeting-first")
	})

	t.Run("briefing", func(t *testing.T) {
		e.t = t
		dir := e.downloads()
		e.open("/meeting/overleg-buurtprojecten-2")
		e.click("[data-testid=meeting-briefing-md]")
		md := string(e.downloaded(dir, ".md"))
		assert.Contains(t, md, "Een buurtwandeling in Brabantwijk plannen", "the previous meeting's decisions")
		assert.Contains(t, md, "Vroegdetectie")
		assert.NotContains(t, md, "Testpersoon", "an anonymous download names no person")
	})

	t.Run("signed-in", func(t *testing.T) {
		e.t = t
		e.signIn(e.token(buurtnet.RoleViewer))
		e.open("/meeting/overleg-buurtprojecten-2")
		actions := e.text(`[data-part="meeting.previous"] table`)
		assert.Contains(t, actions, "Testpersoon Overleg", "a viewer sees who owns the action")
		assert.NotContains(t, actions, "zichtbaar na aanmelden")
		e.open("/consultation/overleg-buurtprojecten")
		assert.Contains(t, e.text("[data-testid=cycle-contacts]"), "Testpersoon Overleg (projectcoördinator)")
		e.axe("consultation-signed-in")
	})

	t.Run("language", func(t *testing.T) {
		e.t = t
		e.open("/meeting/overleg-buurtprojecten-1")
		e.click(`button[data-lang="fr"]`)
		e.wait(`document.documentElement.lang === 'fr' && document.body.dataset.ready === 'true'`)
		assert.Equal(t, "Réunion 1", e.text("h1"))
		assert.Contains(t, e.text("dl.facts"), "pas de date indiquée")
		assert.True(t, strings.HasPrefix(e.text(`[data-part="meeting.agenda"] h2`), "Ordre du jour"))
		e.click(`button[data-lang="nl"]`)
		e.wait(`document.documentElement.lang === 'nl' && document.body.dataset.ready === 'true'`)
	})
	e.t = t
}
