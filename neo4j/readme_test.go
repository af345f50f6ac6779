package neo4j_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
)

// The example Cypher of the README's Neo4j section runs on the demo network
// as the store writes it, and finds something: the documentation of the
// graph cannot drift from the graph.
func TestReadmeCypher(t *testing.T) {
	db := openStore(t)
	ctx := t.Context()
	network, err := demo.Network()
	require.NoError(t, err)
	_, err = db.Apply(ctx, network, buurtnet.ApplyOptions{})
	require.NoError(t, err)

	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	section := string(readme)
	start := strings.Index(section, "\n## Neo4j\n")
	require.GreaterOrEqual(t, start, 0, "README has a Neo4j section")
	section = section[start+1:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	blocks := regexp.MustCompile("(?s)```cypher\n(.*?)```").FindAllStringSubmatch(section, -1)
	require.NotEmpty(t, blocks, "the Neo4j section shows example Cypher")

	session := db.Driver().NewSession(ctx, neo4jSessionConfig(t))
	defer session.Close(ctx)
	for _, b := range blocks {
		query := b[1]
		res, err := session.Run(ctx, query, nil)
		require.NoError(t, err, query)
		recs, err := res.Collect(ctx)
		require.NoError(t, err, query)
		assert.NotEmpty(t, recs, "no rows on the demo network:\n%s", query)
	}
}
