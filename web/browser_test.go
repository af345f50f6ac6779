package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// Every page, at a desktop's and a phone's width: what the demo network
// says is on it, nothing runs off the edge, no serious accessibility
// problem, and a screenshot.
func TestExplorerPages(t *testing.T) {
	e := newExplorer(t)

	var gaps struct {
		Gaps struct{ MissingFunctions []struct{ ID string } }
	}
	require.Empty(t, e.gql("", `{ gaps(territory: "territory:brabantwijk") { missingFunctions { id } } }`, nil, &gaps))
	var wantGaps []string
	for _, f := range gaps.Gaps.MissingFunctions {
		wantGaps = append(wantGaps, f.ID)
	}
	sort.Strings(wantGaps)
	require.NotEmpty(t, wantGaps, "the demo network leaves gaps in Brabantwijk")

	var found struct {
		Projects, Territories, Organisations, Funders struct{ Nodes []struct{ Name string } }
	}
	require.Empty(t, e.gql("", `{ projects(filter: {search: "sante"}) { nodes { name(lang: NL) } } territories(filter: {search: "sante"}) { nodes { name(lang: NL) } }
		organisations(filter: {search: "sante"}) { nodes { name(lang: NL) } } funders(filter: {search: "sante"}) { nodes { name(lang: NL) } } }`, nil, &found))
	var wantFound []string
	for _, c := range [][]struct{ Name string }{found.Projects.Nodes, found.Territories.Nodes, found.Organisations.Nodes, found.Funders.Nodes} {
		for _, n := range c {
			wantFound = append(wantFound, n.Name)
		}
	}
	require.NotEmpty(t, wantFound, "the demo network has names with santé")

	pages := []struct {
		name, path string
		check      func(t *testing.T)
	}{
		{"home", "/", func(t *testing.T) {
			assert.Contains(t, e.text("main"), "Brabantwijk")
		}},
		{"search", "/search?q=sante", func(t *testing.T) {
			got := eval[[]string](e, `[...document.querySelectorAll('ul.results li a')].map(a => a.textContent)`)
			for _, n := range wantFound {
				assert.Contains(t, got, n, "the search page lists what the API finds")
			}
		}},
		{"search-functions", "/search?q=detectie", func(t *testing.T) {
			got := eval[[]string](e, `[...document.querySelectorAll('ul.results li a')].map(a => new URL(a.href).pathname)`)
			assert.Contains(t, got, "/function/vvsg-detectie", "functions are found by name too")
		}},
		{"territory", "/territory/brabantwijk", func(t *testing.T) {
			assert.Equal(t, "Brabantwijk", e.text("h1"))
			assert.Contains(t, e.text(".breadcrumb"), "Brussel", "the breadcrumb shows the region")
			facts := e.text("dl.facts")
			assert.Contains(t, facts, "Schaarbeek", "partly overlapping territories")
			assert.Contains(t, facts, "Sint-Joost-ten-Node")
			got := eval[[]string](e, `[...document.querySelectorAll('table.gap-matrix tr.gap')].map(r => r.dataset.function).sort()`)
			assert.Equal(t, wantGaps, got, "the gap matrix marks exactly the API's gaps")
			assert.Equal(t, 16, eval[int](e, `document.querySelectorAll('table.gap-matrix tbody tr[data-function]').length`), "eight functions and eight building blocks")
			assert.Contains(t, e.text("table.gap-matrix thead"), "CitiSen", "the projects working there are the columns")
			assert.Positive(t, eval[int](e, `document.querySelectorAll('table.gap-matrix td.tick span[aria-hidden]').length`), "some functions are ticked")
			assert.Positive(t, eval[int](e, `document.querySelectorAll('li.synergy').length`), "ranked synergies")
			// BOOST and CitiSen collaborate already (seed 000): a collaboration
			// to strengthen, said on its card.
			assert.Contains(t, e.text(`li.synergy[data-kind="STRENGTHEN"]`), "CitiSen")
			assert.Contains(t, e.text(`li.synergy[data-kind="STRENGTHEN"] .synergy-kind`), "samenwerking versterken")
			href := eval[string](e, `document.querySelector('[data-testid=briefing-link]').getAttribute('href')`)
			assert.Contains(t, href, "/export/briefing?territory=territory%3Abrabantwijk")
		}},
		{"territory-partly", "/territory/stalingradwijk", func(t *testing.T) {
			// BOOST's two zones each hold half of the Stalingradwijk: partly
			// present, shown as such, not left out.
			partly := e.text(".partly")
			assert.Contains(t, partly, "BOOST", "partly present projects are named")
			assert.Contains(t, partly, "Zoom Seniors-zone Anneessens en halve Stalingradwijk")
		}},
		{"territory-priorities", "/territory/laag-sint-gillis", func(t *testing.T) {
			assert.Contains(t, e.text(`section[data-part="territory.priorities"]`), "Ouderen", "the neighbourhood's priorities come first")
		}},
		{"project", "/project/citisen", func(t *testing.T) {
			assert.Equal(t, "CitiSen", e.text("h1"))
			boost := e.text(`li.overlap[data-project="project:boost"]`)
			require.NotEmpty(t, boost, "CitiSen overlaps with BOOST")
			assert.Contains(t, boost, "Brabantwijk", "they meet in Brabantwijk")
			assert.Equal(t, "/project/boost", eval[string](e, `new URL(document.querySelector('li.overlap[data-project="project:boost"] h3 a').href).pathname`))
			assert.Equal(t, 4, eval[int](e, `document.querySelectorAll('svg.stakeholder-map .ring-label').length`), "four rings")
		}},
		{"project-stakeholders", "/project/boost", func(t *testing.T) {
			var m struct {
				StakeholderMap struct {
					Levels []struct {
						Level        string
						Participants []struct{ Organisation struct{ ID string } }
					}
					Unassessed []struct{ Organisation struct{ ID string } }
				}
			}
			require.Empty(t, e.gql("", `{ stakeholderMap(project: "project:boost") { levels { level participants { organisation { id } } } unassessed { organisation { id } } } }`, nil, &m))
			assessed := 0
			for _, l := range m.StakeholderMap.Levels {
				assessed += len(l.Participants)
			}
			require.Positive(t, assessed, "the demo network assesses BOOST's partners")
			assert.Equal(t, assessed, eval[int](e, `document.querySelectorAll('svg.stakeholder-map a').length`), "each assessed partner is a dot on its ring")
			assert.Equal(t, len(m.StakeholderMap.Unassessed), eval[int](e, `document.querySelectorAll('figure.stakeholders .unassessed li').length`), "the others are listed as not yet assessed")
			e.shotOf("figure.stakeholders", "stakeholder-map")
		}},
		{"organisation", "/organisation/brusano", func(t *testing.T) {
			assert.Contains(t, e.text("h1"), "Brusano")
			assert.Contains(t, e.text("main"), "BOOST")
		}},
		{"funder", "/funder/ggc", func(t *testing.T) {
			assert.Contains(t, e.text("main table"), "CitiSen")
			assert.Contains(t, e.text(`[data-part="funder.territories"]`), "Brabantwijk")
		}},
		{"theme", "/theme/vroegdetectie", func(t *testing.T) {
			assert.NotEmpty(t, e.text("h1"))
			assert.Positive(t, eval[int](e, `document.querySelectorAll('main table tbody tr').length`))
		}},
		{"function", "/function/vvsg-detectie", func(t *testing.T) {
			assert.Contains(t, e.text("h1"), "2.")
		}},
		{"network-territory", "/network/territory/brabantwijk", func(t *testing.T) {
			e.wait(`document.querySelector('.cy')?.dataset.nodes > 0`)
			assert.Contains(t, eval[string](e, `document.querySelector('.network-list').textContent`), "CitiSen")
		}},
		{"network-project", "/network/project/citisen", func(t *testing.T) {
			e.wait(`document.querySelector('.cy')?.dataset.nodes > 0`)
		}},
		{"not-found", "/project/does-not-exist", func(t *testing.T) {
			assert.Equal(t, "Niet gevonden", e.text("h1"))
		}},
	}
	for _, width := range []int64{1280, 390} {
		for _, p := range pages {
			t.Run(fmt.Sprintf("%s-%d", p.name, width), func(t *testing.T) {
				e.t = t
				e.do(chromedp.EmulateViewport(width, 900))
				e.open(p.path)
				p.check(t)
				e.noOverflow(p.name)
				e.axe(p.name)
				e.shot(fmt.Sprintf("%s-%d", p.name, width))
			})
		}
	}
	e.t = t
}

// The network view is a real graph: a click on a node opens its page, and
// the picture downloads as SVG and PNG; filters narrow it.
func TestExplorerNetwork(t *testing.T) {
	e := newExplorer(t)
	dir := e.downloads()
	e.open("/network/territory/brabantwijk")
	e.wait(`document.querySelector('.cy')?.dataset.nodes > 0`)
	all := eval[int](e, `+document.querySelector('.cy').dataset.nodes`)

	e.click("[data-testid=export-svg]")
	svg := e.downloaded(dir, ".svg")
	assert.Contains(t, string(svg), "<svg")
	assert.Contains(t, string(svg), "CitiSen")
	e.click("[data-testid=export-png]")
	png := e.downloaded(dir, ".png")
	assert.Equal(t, "\x89PNG", string(png[:4]))

	e.do(chromedp.SetValue(chromedp.CSS("#network-function"), "function:vvsg-beleidsadvisering"))
	_ = eval[bool](e, `document.querySelector('#network-function').dispatchEvent(new Event('change')), true`)
	e.wait(`location.search.includes('function=') && document.body.dataset.ready === 'true' && document.querySelector('.cy')?.dataset.nodes > 0`)
	filtered := eval[int](e, `+document.querySelector('.cy').dataset.nodes`)
	assert.Less(t, filtered, all, "a function filter narrows the network")
	e.open("/network/territory/brabantwijk" + eval[string](e, `location.search`))
	assert.Equal(t, "function:vvsg-beleidsadvisering", eval[string](e, `document.querySelector('#network-function').value`), "the filter survives a reload")

	e.open("/network/territory/brabantwijk")
	e.wait(`document.querySelector('.cy')?.dataset.nodes > 0`)
	pos := eval[[]float64](e, `(() => { const box = document.querySelector('.cy'); const r = box.getBoundingClientRect();
		const p = box._cyreg.cy.getElementById('project:citisen').renderedPosition(); return [r.left + p.x, r.top + p.y] })()`)
	e.do(chromedp.MouseClickXY(pos[0], pos[1]))
	e.ready("/project/citisen")
	assert.Equal(t, "CitiSen", e.text("h1"))
}

// The language switch changes the texts, names and reasons, and is
// remembered across a reload.
func TestExplorerLanguage(t *testing.T) {
	e := newExplorer(t)
	e.open("/territory/brabantwijk")
	assert.Equal(t, "nl", eval[string](e, `document.documentElement.lang`))
	assert.Contains(t, e.text(`[data-part="territory.synergies"]`), "Synergieën")

	var fr struct {
		Synergies []struct{ Reasons []struct{ Message string } }
	}
	require.Empty(t, e.gql("", `{ synergies(territory: "territory:brabantwijk", first: 10) { reasons { message(lang: FR) } } }`, nil, &fr))
	require.NotEmpty(t, fr.Synergies)

	e.click(`button[data-lang="fr"]`)
	e.wait(`document.documentElement.lang === 'fr' && document.body.dataset.ready === 'true'`)
	assert.Contains(t, e.text(`[data-part="territory.gaps"]`), "Lacunes")
	assert.Contains(t, e.text("ol.synergies"), fr.Synergies[0].Reasons[0].Message, "reasons are read out in French")
	assert.Equal(t, "true", eval[string](e, `document.querySelector('button[data-lang="fr"]').getAttribute('aria-pressed')`))

	e.do(chromedp.Reload())
	e.ready("/territory/brabantwijk")
	assert.Equal(t, "fr", eval[string](e, `document.documentElement.lang`), "the choice is remembered")
	assert.Contains(t, e.text(`[data-part="territory.gaps"]`), "Lacunes")
	assert.Equal(t, "fr", eval[string](e, `localStorage.getItem('buurtnet.lang')`))

	e.click(`button[data-lang="en"]`)
	e.wait(`document.documentElement.lang === 'en' && document.body.dataset.ready === 'true'`)
	assert.Contains(t, e.text(`[data-part="territory.gaps"]`), "Gaps")
	e.shot("territory-en")
}

// An editor signs in once (the token stays in the tab's session), creates a
// project, links it to a territory; a bad date and a version conflict are
// told where they belong.
func TestExplorerEditing(t *testing.T) {
	e := newExplorer(t)
	secret := e.token(buurtnet.RoleEditor)

	e.open("/new/project")
	assert.Contains(t, e.text("main"), "EDITOR", "editing asks to sign in first")
	e.signIn(secret)
	assert.Equal(t, secret, eval[string](e, `sessionStorage.getItem('buurtnet.token')`))
	assert.Empty(t, eval[string](e, `JSON.stringify(localStorage).includes(sessionStorage.getItem('buurtnet.token')) ? 'leaked' : ''`), "the token is kept in the session only")
	e.axe("signed-in")

	e.open("/new/project")
	e.axe("new-project")
	e.do(chromedp.SendKeys(chromedp.CSS(`input[name="name.nl"]`), "Proefproject Brabantwijk"),
		chromedp.SendKeys(chromedp.CSS(`input[name="name.fr"]`), "Projet test Brabant"),
		chromedp.SetValue(chromedp.CSS(`select[name="status"]`), "PILOT"),
		chromedp.SetValue(chromedp.CSS(`input[name="period.start"]`), "2024-01-01"))
	e.shot("new-project")
	e.click(`[data-testid=entity-form] button[type=submit]`)
	e.wait(`location.pathname.startsWith('/edit/project/') && document.body.dataset.ready === 'true'`)
	path := eval[string](e, `location.pathname`)
	id := "project:" + strings.TrimPrefix(path, "/edit/project/")
	var created struct {
		Node struct {
			Name, Status string
			Period       struct{ Start string }
		}
	}
	require.Empty(t, e.gql("", `query($id: ID!) { node(id: $id) { ... on Project { name(lang: NL) status period { start } } } }`, map[string]any{"id": id}, &created))
	assert.Equal(t, "Proefproject Brabantwijk", created.Node.Name)
	assert.Equal(t, "PILOT", created.Node.Status)
	assert.Equal(t, "2024-01-01", created.Node.Period.Start)

	// Link it: ACTIVE_IN Brabantwijk.
	e.do(chromedp.SetValue(chromedp.CSS("#link-kind"), "0"), chromedp.SendKeys(chromedp.CSS(`input[name="other"]`), "territory:brabantwijk"))
	e.click(`[data-testid=link-form] button[type=submit]`)
	e.wait(`document.querySelector('[data-testid=linked]') !== null && document.body.dataset.ready === 'true'`)
	assert.Contains(t, e.text("[data-testid=links]"), "Brabantwijk", "the edit page lists the new link")

	// Edit the link: part of Brabantwijk only, from a day on.
	row := fmt.Sprintf(`tr[data-link="ACTIVE_IN %s territory:brabantwijk"]`, id)
	e.click(row + ` button[data-action=edit]`)
	e.do(chromedp.SetValue(chromedp.CSS(`[data-testid=link-form] select[name="coverage"]`), "PART"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=link-form] input[name="period.start"]`), "2024-03-01"))
	e.click(`[data-testid=link-form] button[type=submit]`)
	e.wait(fmt.Sprintf(`document.body.dataset.ready === 'true' && (document.querySelector(%q)?.innerText ?? '').includes('een deel')`, row))
	var active struct {
		Node struct {
			Territories []struct {
				Coverage string
				Period   struct{ Start string }
			}
		}
	}
	require.Empty(t, e.gql("", `query($id: ID!) { node(id: $id) { ... on Project { territories { coverage period { start } } } } }`, map[string]any{"id": id}, &active))
	require.Len(t, active.Node.Territories, 1)
	assert.Equal(t, "PART", active.Node.Territories[0].Coverage)
	assert.Equal(t, "2024-03-01", active.Node.Territories[0].Period.Start)
	assert.True(t, eval[bool](e, `[...document.querySelectorAll('[data-testid=link-form] button')].filter(b => b.offsetParent !== null).length === 1`), "no Cancel button unless a link is being edited")
	e.axe("edit-links")
	e.shot("edit-links")
	e.open(strings.Replace(path, "/edit", "", 1))
	assert.Contains(t, e.text(`[data-part="project.territories"]`), "Brabantwijk", "the project page shows the new link")

	// A bad date: the end before the start, refused beside the end field.
	e.open(path)
	e.do(chromedp.SetValue(chromedp.CSS(`input[name="period.end"]`), "2020-06-30"))
	e.click(`[data-testid=entity-form] button[type=submit]`)
	e.wait(`!document.querySelector('.field[data-path="period.end"] .field-error').hidden`)
	msg := e.text(`.field[data-path="period.end"] .field-error`)
	assert.Contains(t, msg, "2020-06-30")
	assert.Equal(t, "true", eval[string](e, `document.querySelector('input[name="period.end"]').getAttribute('aria-invalid')`))
	assert.Equal(t, 1, eval[int](e, `[...document.querySelectorAll('[data-testid=entity-form] .field-error')].filter(x => !x.hidden).length`), "only that field is blamed")
	e.axe("edit-with-error")
	e.shot("edit-bad-date")

	// Corrected: a new start, the end left open.
	e.do(chromedp.SetValue(chromedp.CSS(`input[name="period.end"]`), ""), chromedp.SetValue(chromedp.CSS(`input[name="period.start"]`), "2024-02-01"))
	e.click(`[data-testid=entity-form] button[type=submit]`)
	e.wait(`location.search === '?saved=1' && document.body.dataset.ready === 'true'`)
	var fixed struct {
		Node struct{ Period struct{ Start, End string } }
	}
	require.Empty(t, e.gql("", `query($id: ID!) { node(id: $id) { ... on Project { period { start end } } } }`, map[string]any{"id": id}, &fixed))
	assert.Equal(t, "2024-02-01", fixed.Node.Period.Start)
	assert.Empty(t, fixed.Node.Period.End, "open-ended")

	// A link with a bad other end: refused beside that field.
	e.do(chromedp.SetValue(chromedp.CSS("#link-kind"), "0"), chromedp.SendKeys(chromedp.CSS(`input[name="other"]`), "org:brusano"))
	e.click(`[data-testid=link-form] button[type=submit]`)
	e.wait(`!document.querySelector('[data-testid=link-form] .field[data-path="other"] .field-error').hidden`)

	// A version conflict: someone else saves first.
	e.open(path)
	require.Empty(t, e.gql(secret, `mutation($id: ID!) { updateProject(id: $id, patch: {status: IMPLEMENTATION}) { version } }`, map[string]any{"id": id}, nil))
	e.do(chromedp.SendKeys(chromedp.CSS(`input[name="name.en"]`), "Trial project"))
	e.click(`[data-testid=entity-form] button[type=submit]`)
	e.wait(`!document.querySelector('[data-testid=entity-form] .form-error').hidden`)
	assert.Contains(t, e.text(`[data-testid=entity-form] .form-error`), "Iemand anders heeft dit intussen gewijzigd")
	var after struct{ Node struct{ Name string } }
	require.Empty(t, e.gql("", `query($id: ID!) { node(id: $id) { ... on Project { name(lang: EN) } } }`, map[string]any{"id": id}, &after))
	assert.NotEqual(t, "Trial project", after.Node.Name, "the conflicting edit was not saved")

	// Remove the link again.
	e.open(path)
	e.click(row + " button[data-action=remove]")
	e.wait(fmt.Sprintf(`document.querySelector('[data-testid=linked]') !== null && document.querySelector(%q) === null`, row))
	var links struct {
		Node struct {
			Territories []struct{ Territory struct{ ID string } }
		}
	}
	require.Empty(t, e.gql("", `query($id: ID!) { node(id: $id) { ... on Project { territories { territory { id } } } } }`, map[string]any{"id": id}, &links))
	assert.Empty(t, links.Node.Territories, "unlinked")
}

// The projects working in a territory on a chosen day: the day is in the
// address, and the form sets it.
func TestExplorerDay(t *testing.T) {
	e := newExplorer(t)
	projects := func() string { return e.text(`[data-part="territory.projects"] table`) }
	e.open("/territory/brabantwijk?on=2020-06-01")
	assert.Contains(t, projects(), "BOOST", "BOOST ran in 2020")
	e.open("/territory/brabantwijk?on=2023-06-01")
	assert.NotContains(t, projects(), "BOOST", "BOOST ended in 2021")
	assert.Equal(t, "2023-06-01", eval[string](e, `document.querySelector('#territory-on').value`))
	e.do(chromedp.SetValue(chromedp.CSS("#territory-on"), "2020-06-01"))
	e.click(`form.day button[type=submit]`)
	e.wait(`location.search === '?on=2020-06-01' && document.body.dataset.ready === 'true'`)
	assert.Contains(t, projects(), "BOOST")
}

// A spreadsheet with bad rows: the dry run shows each problem with its
// sheet, row, column and reason, and nothing is imported; a good file is
// checked, then imported on confirmation.
func TestExplorerImport(t *testing.T) {
	e := newExplorer(t)
	secret := e.token(buurtnet.RoleEditor)
	e.signIn(secret)
	bad, err := filepath.Abs("../testdata/import/errors-organisations.csv")
	require.NoError(t, err)

	var want struct {
		ImportNetwork struct {
			Problems []struct {
				Sheet   string
				Row     int
				Column  *string
				Message string
			}
		}
	}
	e.importDryRun(secret, bad, &want)
	require.NotEmpty(t, want.ImportNetwork.Problems)

	e.open("/import")
	e.axe("import")
	e.do(chromedp.SetUploadFiles(chromedp.CSS("#import-file"), []string{bad}))
	e.click(`[data-testid=import-check]`)
	e.wait(`document.querySelector('[data-testid=import-report]') !== null`)
	rows := eval[[][]string](e, `[...document.querySelectorAll('[data-testid=import-report] tbody tr')].map(r => [...r.cells].map(c => c.textContent))`)
	require.Len(t, rows, len(want.ImportNetwork.Problems))
	for i, p := range want.ImportNetwork.Problems {
		col := ""
		if p.Column != nil {
			col = *p.Column
		}
		assert.Equal(t, []string{p.Sheet, fmt.Sprint(p.Row), col, p.Message}, rows[i])
	}
	assert.True(t, eval[bool](e, `document.querySelector('[data-testid=import-confirm]').offsetParent === null`), "a file with problems cannot be confirmed")
	e.axe("import-report")
	e.shot("import-report")

	good, err := filepath.Abs("../testdata/import/projects.csv")
	require.NoError(t, err)
	e.do(chromedp.SetUploadFiles(chromedp.CSS("#import-file"), []string{good}))
	e.click(`[data-testid=import-check]`)
	e.wait(`!document.querySelector('[data-testid=import-confirm]').hidden`)
	var before struct{ Node *struct{ ID string } }
	require.Empty(t, e.gql("", `{ node(id: "project:samen-in-de-wijk") { id } }`, nil, &before))
	assert.Nil(t, before.Node, "a dry run writes nothing")
	e.click(`[data-testid=import-confirm]`)
	e.wait(`document.querySelector('main [role=status]')?.textContent === 'Geïmporteerd.'`)
	var after struct{ Node *struct{ ID string } }
	require.Empty(t, e.gql("", `{ node(id: "project:samen-in-de-wijk") { id } }`, nil, &after))
	require.NotNil(t, after.Node, "confirmed, the file is imported")
}

// Contact persons are personal data: an anonymous visitor sees none, a
// signed-in viewer sees them.
func TestExplorerContacts(t *testing.T) {
	e := newExplorer(t)
	editor := e.token(buurtnet.RoleEditor)
	var person struct{ CreatePerson struct{ ID string } }
	require.Empty(t, e.gql(editor, `mutation { createPerson(input: {name: "Testpersoon Contact", function: "coördinator", email: "contact@example.org", phone: "+32 2 000 00 00"}) { id } }`, nil, &person))
	require.Empty(t, e.gql(editor, `mutation($p: ID!) { link(input: {kind: CONTACT_FOR, from: $p, to: "project:citisen"}) { kind } }`, map[string]any{"p": person.CreatePerson.ID}, nil))

	e.open("/project/citisen")
	page := eval[string](e, `document.body.innerHTML`)
	assert.NotContains(t, page, "contact@example.org")
	assert.NotContains(t, page, "Testpersoon")
	assert.Contains(t, e.text(`[data-part="contacts.title"]`), "Contactpersonen zijn zichtbaar na aanmelden")

	e.open("/signin")
	e.axe("signin")
	e.shot("signin")
	e.signIn(e.token(buurtnet.RoleViewer))
	e.open("/project/citisen")
	contacts := e.text("[data-testid=contacts]")
	assert.Contains(t, contacts, "Testpersoon Contact")
	assert.Contains(t, contacts, "contact@example.org")
	e.axe("contacts")
}

// The self-hosted GraphiQL loads and answers, with nothing from a CDN.
func TestExplorerPlayground(t *testing.T) {
	e := newExplorer(t)
	e.do(chromedp.Navigate(e.srv.URL + "/playground"))
	e.wait(`document.querySelector('.graphiql-container') !== null`)
	e.shot("playground")
	if os.Getenv("BUURTNET_SCREENSHOTS") == "" {
		t.Logf("screenshots in %s", e.shots)
	}
}

// Meeting preparation: the briefing downloads from the territory page in
// the chosen format, and the HTML briefing reads well in a browser (no
// horizontal overflow at 1280 px, pictures, no serious accessibility
// problem) and prints on A4 with a page per part.
func TestExplorerBriefing(t *testing.T) {
	e := newExplorer(t)
	dir := e.downloads()
	e.open("/territory/brussels-region")
	offered := eval[[]string](e, `[...document.querySelectorAll('#briefing-format option')].map(o => o.value)`)
	assert.ElementsMatch(t, []string{"xlsx", "csv", "csv-rfc4180", "html", "pdf", "md", "json"}, offered, "every format the export offers")
	for _, f := range []string{"xlsx", "pdf", "md"} {
		e.do(chromedp.SetValue(chromedp.CSS("#briefing-format"), f))
		_ = eval[bool](e, `document.querySelector('#briefing-format').dispatchEvent(new Event('change')), true`)
		e.click("[data-testid=briefing-link]")
		data := e.downloaded(dir, "."+f)
		assert.NotEmpty(t, data, f)
		if f == "pdf" {
			assert.Equal(t, "%PDF", string(data[:4]))
			require.NoError(t, os.WriteFile(filepath.Join(e.shots, "briefing.pdf"), data, 0o644))
		}
	}
	e.do(chromedp.SetValue(chromedp.CSS("#briefing-format"), "html"))
	_ = eval[bool](e, `document.querySelector('#briefing-format').dispatchEvent(new Event('change')), true`)
	e.click("[data-testid=briefing-link]")
	html := e.downloaded(dir, ".html")
	assert.Contains(t, string(html), `lang="nl"`, "the briefing is in the explorer's language")

	file := filepath.Join(t.TempDir(), "briefing.html")
	require.NoError(t, os.WriteFile(file, html, 0o644))
	e.do(chromedp.EmulateViewport(1280, 900), chromedp.Navigate("file://"+file))
	assert.GreaterOrEqual(t, eval[int](e, `document.querySelectorAll('svg').length`), 3, "network, rings, gap matrix")
	assert.Positive(t, eval[int](e, `document.querySelectorAll('.card').length`), "top synergies as cards")
	e.noOverflow("briefing")
	e.axe("briefing")
	e.shot("briefing")

	ctx, cancel := context.WithTimeout(e.ctx, 60*time.Second)
	defer cancel()
	pdf, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true), PrintBackground: ptr(true)})
		if err != nil {
			return nil, err
		}
		return res.Data, nil
	})
	require.NoError(t, err)
	require.Equal(t, "%PDF", string(pdf[:4]))
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
	assert.GreaterOrEqual(t, pages, 8, "a page (at least) per part of the briefing")
	require.NoError(t, os.WriteFile(filepath.Join(e.shots, "briefing-print.pdf"), pdf, 0o644))
}

func ptr[T any](v T) *T { return &v }
