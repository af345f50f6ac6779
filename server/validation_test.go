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
