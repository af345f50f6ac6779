package web_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A partnership's note travels to the project page: where the demo's
// stakeholder level is a reading of the leaflet, the page says so, each
// distinct note once, pointed to from every level it explains.
func TestExplorerLinkNotes(t *testing.T) {
	e := newExplorer(t)
	var p struct {
		Node struct{ Partners []struct{ Note *string } }
	}
	require.Empty(t, e.gql("", `{ node(id: "project:boost") { ... on Project { partners { note } } } }`, nil, &p))
	withNote, distinct := 0, map[string]bool{}
	for _, x := range p.Node.Partners {
		if x.Note != nil && *x.Note != "" {
			withNote++
			distinct[*x.Note] = true
		}
	}
	require.Positive(t, withNote, "the demo's BOOST partnerships carry notes")

	e.open("/project/boost")
	assert.Equal(t, withNote, eval[int](e, `document.querySelectorAll('[data-part="project.partners"] a.note-ref').length`), "every level with a note points to it")
	assert.Equal(t, len(distinct), eval[int](e, `document.querySelectorAll('ol.link-notes li').length`), "each distinct note once")
	notes := e.text("ol.link-notes")
	for n := range distinct {
		assert.Contains(t, notes, n)
	}
	target := eval[string](e, `document.querySelector('a.note-ref').getAttribute('href')`)
	assert.Equal(t, 1, eval[int](e, `document.querySelectorAll('`+target+`').length`), "the reference leads to its note")
	e.noOverflow("project-notes")
	e.axe("project-notes")
}
