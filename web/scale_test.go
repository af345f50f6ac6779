package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// Around a province or a region, lists run into thousands: the project page
// and its network show the 50 overlaps that meet most closely, the
// territory page the first 50 projects and counts per function instead of
// a column per project, and each says how many there are.
func TestExplorerAtScale(t *testing.T) {
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

	var gaps struct{ Gaps struct{ ProjectCount int } }
	require.Empty(t, e.gql("", `{ gaps(territory: "territory:brabantwijk") { projectCount } }`, nil, &gaps))
	require.Greater(t, gaps.Gaps.ProjectCount, 60)
	e.open("/territory/brabantwijk")
	assert.Equal(t, fmt.Sprintf("De eerste 50 van %d.", gaps.Gaps.ProjectCount), e.text("[data-testid=first-of]"))
	assert.Equal(t, 0, eval[int](e, `document.querySelectorAll('.gap-matrix .project-col').length`), "no column per project")
	assert.Equal(t, "Projecten", eval[string](e, `document.querySelector('.gap-matrix thead th:nth-child(2)').textContent`))
	e.axe("territory-at-scale")
}
