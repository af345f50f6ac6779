package server_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestVersionZeroIsChecked sends the patches that used to switch the
// concurrent-edit check off: every version given that is not the current
// one is a CONFLICT, and changes nothing.
func TestVersionZeroIsChecked(t *testing.T) {
	s := newDemoServer(t)
	for _, v := range []int{0, -1, 2} {
		s.expectError(t, fmt.Sprintf(`mutation { updateProject(id: "project:citisen", patch: {version: %d, website: "https://overwritten.example"}) { version } }`, v), nil, "CONFLICT", "version")
	}
	s.expectError(t, `mutation($p: ProjectPatch!) { updateProject(id: "project:citisen", patch: $p) { version } }`,
		map[string]any{"p": map[string]any{"version": 0, "website": "https://overwritten.example"}}, "CONFLICT", "version")
	var w struct{ Node struct{ Website string } }
	s.mustDo(t, `{ node(id: "project:citisen") { ... on Project { website } } }`, nil, &w)
	assert.NotEqual(t, "https://overwritten.example", w.Node.Website)

	var u struct{ UpdateProject struct{ Version int } }
	s.mustDo(t, `mutation { updateProject(id: "project:citisen", patch: {version: 1, website: "https://a.example"}) { version } }`, nil, &u)
	assert.Equal(t, 2, u.UpdateProject.Version)
	s.mustDo(t, `mutation { updateProject(id: "project:citisen", patch: {website: "https://b.example"}) { version } }`, nil, &u)
	assert.Equal(t, 3, u.UpdateProject.Version, "without a version the patch overwrites")
}

// TestOpenPeriodEndIsNull reads an open-ended period back: the missing end
// is null, as the Date scalar promises, not "".
func TestOpenPeriodEndIsNull(t *testing.T) {
	s := newDemoServer(t)
	var created struct {
		CreateProject struct {
			Period map[string]any
		}
	}
	s.mustDo(t, `mutation { createProject(input: {id: "project:open", name: {nl: "Open"}, period: {start: "2020-01-01", end: null}}) { period { start end } } }`, nil, &created)
	assert.Equal(t, map[string]any{"start": "2020-01-01", "end": nil}, created.CreateProject.Period)

	var read struct {
		Node struct{ Period map[string]any }
	}
	s.mustDo(t, `{ node(id: "project:open") { ... on Project { period { start end } } } }`, nil, &read)
	assert.Equal(t, map[string]any{"start": "2020-01-01", "end": nil}, read.Node.Period)
}

// TestPeriodPatchKeepsTheOtherEnd patches one end of a project's and of a
// link's period: the other end stays.
func TestPeriodPatchKeepsTheOtherEnd(t *testing.T) {
	s := newDemoServer(t)
	s.mustDo(t, `mutation { createProject(input: {id: "project:p", name: {nl: "P"}, period: {start: "2020-01-01", end: "2021-12-31"}}) { id } }`, nil, nil)
	s.mustDo(t, `mutation { link(input: {kind: ACTIVE_IN, from: "project:p", to: "territory:brabantwijk", period: {start: "2020-01-01", end: "2021-12-31"}}) { kind } }`, nil, nil)

	type period struct{ Start, End *string }
	var p struct{ UpdateProject struct{ Period period } }
	s.mustDo(t, `mutation { updateProject(id: "project:p", patch: {period: {start: "2020-06-01"}}) { period { start end } } }`, nil, &p)
	assert.Equal(t, period{new("2020-06-01"), new("2021-12-31")}, p.UpdateProject.Period)
	s.mustDo(t, `mutation { updateProject(id: "project:p", patch: {period: {end: ""}}) { period { start end } } }`, nil, &p)
	assert.Equal(t, period{new("2020-06-01"), nil}, p.UpdateProject.Period, `"" clears an end`)

	var l struct{ UpdateLink struct{ Period period } }
	s.mustDo(t, `mutation { updateLink(kind: ACTIVE_IN, from: "project:p", to: "territory:brabantwijk", patch: {period: {end: "2022-06-30"}}) { period { start end } } }`, nil, &l)
	assert.Equal(t, period{new("2020-01-01"), new("2022-06-30")}, l.UpdateLink.Period)
}

// TestNamesMustBeVisible sends names that display as nothing or as
// something else: each is refused on its field, and nothing is created.
func TestNamesMustBeVisible(t *testing.T) {
	s := newDemoServer(t)
	for _, name := range []string{"\u200b\u200b", "\u0301", "Wijk\x00huis", "\u202Egro.live", "Noord\u2066"} {
		s.expectError(t, `mutation($n: String) { createOrganisation(input: {id: "org:x", name: {fr: $n}}) { id } }`, map[string]any{"n": name}, "INVALID", "name.fr")
		s.expectError(t, `mutation($n: String) { updateProject(id: "project:citisen", patch: {name: {nl: $n}}) { id } }`, map[string]any{"n": name}, "INVALID", "name.nl")
	}
	var n struct{ Node *struct{ ID string } }
	s.mustDo(t, `{ node(id: "org:x") { id } }`, nil, &n)
	assert.Nil(t, n.Node)
}

// TestWebsitesAreHTTP refuses addresses that are not web pages.
func TestWebsitesAreHTTP(t *testing.T) {
	s := newDemoServer(t)
	for _, w := range []string{"javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "www.example.be", "https://bank.example@evil.example"} {
		s.expectError(t, `mutation($w: String) { createOrganisation(input: {id: "org:x", name: {nl: "X"}, website: $w}) { id } }`, map[string]any{"w": w}, "INVALID", "website")
		s.expectError(t, `mutation($w: String) { updateProject(id: "project:citisen", patch: {website: $w}) { id } }`, map[string]any{"w": w}, "INVALID", "website")
		s.expectError(t, `mutation($w: String) { createFunder(input: {id: "funder:x", name: {nl: "X"}, website: $w}) { id } }`, map[string]any{"w": w}, "INVALID", "website")
	}
	var o struct{ CreateOrganisation struct{ Website string } }
	s.mustDo(t, `mutation { createOrganisation(input: {id: "org:x", name: {nl: "X"}, website: "https://x.example/"}) { website } }`, nil, &o)
	assert.Equal(t, "https://x.example/", o.CreateOrganisation.Website)
}
