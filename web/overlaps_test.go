package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// A project of a province overlaps thousands: the project page and its
// network show the 50 that meet most closely and say how many there are.
func TestExplorerManyOverlaps(t *testing.T) {
	e := newExplorer(t)
	n := &buurtnet.Network{}
	for i := range 60 {
		id := fmt.Sprintf("project:buurt-%02d", i)
		n.Projects = append(n.Projects, &buurtnet.Project{ID: id, Name: buurtnet.Text{NL: fmt.Sprintf("Buurtproject %02d", i)}})
		n.Links = append(n.Links, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: id, To: "territory:brabantwijk"}, Coverage: buurtnet.CoverageWhole})
	}
	_, err := e.db.Apply(context.Background(), n, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	var count struct{ OverlapCount int }
	require.Empty(t, e.gql("", `{ overlapCount(project: "project:boost") }`, nil, &count))
	require.Greater(t, count.OverlapCount, 60)

	e.open("/project/boost")
	assert.Equal(t, fmt.Sprintf("De 50 die het nauwst aansluiten, van %d overlappende projecten.", count.OverlapCount), e.text("[data-testid=overlaps-shown]"))
	assert.Equal(t, 50, eval[int](e, `document.querySelectorAll('.overlap').length`))

	e.open("/network/project/boost")
	e.wait(`document.querySelector('.cy')?.dataset.nodes > 0`)
	assert.Contains(t, e.text("[data-testid=overlaps-shown]"), "De 50")
}
