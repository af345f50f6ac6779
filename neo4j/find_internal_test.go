package neo4j

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// TestEveryFilterCompiles compiles every path of the filter table, without
// a server: a new row testing a property this store does not map, or of a
// shape it cannot write, fails here rather than in a request.
func TestEveryFilterCompiles(t *testing.T) {
	for _, ff := range buurtnet.Filters {
		for _, p := range ff.Paths {
			q := &findQuery{label: label(p.Kind), params: map[string]any{}}
			require.NoError(t, q.condition(buurtnet.FilterCondition{Field: ff.Name, Path: p, Values: []string{"x"}}), "%s on %s", ff.Name, p.Kind)
			assert.Contains(t, q.params, ff.Name, "%s on %s: the value is a parameter", ff.Name, p.Kind)
			assert.Equal(t, len(p.Hops) > 0, len(q.sets) > 0, "%s on %s: a path through links is a set", ff.Name, p.Kind)
		}
	}
}

// TestNameSearchMatchesNode: a search of the entity's names matches it as
// (n:Node:Kind), the label the text index on search is defined for, so
// that the planner can use it; a match without one keeps the kind's label
// alone, whose count Neo4j keeps.
func TestNameSearchMatchesNode(t *testing.T) {
	q, err := buildFind(buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "zorg"})
	require.NoError(t, err)
	assert.Contains(t, q.match(), "MATCH (n:Node:Organisation) WHERE ")
	assert.Contains(t, q.match(), "n.search CONTAINS $")

	q, err = buildFind(buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation})
	require.NoError(t, err)
	assert.Equal(t, "MATCH (n:Organisation)", q.match())
}
