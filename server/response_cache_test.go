package server_test

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// cacheHits reads how many queries the response cache answered.
func cacheHits(t *testing.T, s *demoServer) int {
	t.Helper()
	resp, err := http.Get(s.URL + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, `buurtnet_response_cache_total{result="hit"} `); ok {
			n, err := strconv.Atoi(v)
			require.NoError(t, err)
			return n
		}
	}
	return 0
}

// TestResponseCache checks that a query asked again is answered from the
// cache, and never when anything its answer depends on differs: the
// variables, the caller, the language, the store's revision.
func TestResponseCache(t *testing.T) {
	s := newDemoServer(t)
	const page = `query($first: Int) { projects(first: $first) { nodes { id name website } } }`
	type answer struct {
		Projects struct {
			Nodes []struct{ ID, Name, Website string }
		}
	}
	first := map[string]any{"first": 3}

	var a, b answer
	s.mustDo(t, page, first, &a)
	require.Len(t, a.Projects.Nodes, 3)
	hits := cacheHits(t, s)
	s.mustDo(t, page, first, &b)
	assert.Equal(t, hits+1, cacheHits(t, s), "asked again")
	assert.Equal(t, a, b)

	miss := func(t *testing.T, s *demoServer, vars map[string]any, header ...string) {
		t.Helper()
		hits := cacheHits(t, s)
		s.mustDo(t, page, vars, nil, header...)
		assert.Equal(t, hits, cacheHits(t, s))
	}
	t.Run("OtherVariables", func(t *testing.T) { miss(t, s, map[string]any{"first": 2}) })
	t.Run("OtherLanguage", func(t *testing.T) { miss(t, s, first, "Accept-Language", "fr") })
	t.Run("OtherCaller", func(t *testing.T) { miss(t, s.as(t, buurtnet.RoleEditor), first) })
	t.Run("Anonymous", func(t *testing.T) { miss(t, s.as(t, ""), first) })

	t.Run("AfterAWrite", func(t *testing.T) {
		id := a.Projects.Nodes[0].ID
		s.mustDo(t, `mutation($id: ID!) { updateProject(id: $id, patch: {website: "https://nieuw.example"}) { id } }`, map[string]any{"id": id}, nil)
		hits := cacheHits(t, s)
		var after answer
		s.mustDo(t, page, first, &after)
		assert.Equal(t, hits, cacheHits(t, s))
		require.Equal(t, id, after.Projects.Nodes[0].ID)
		assert.Equal(t, "https://nieuw.example", after.Projects.Nodes[0].Website)
	})

	t.Run("ErrorsNotKept", func(t *testing.T) {
		const q = `{ overlaps(project: "project:nope") { project { id } } }`
		hits := cacheHits(t, s)
		require.NotEmpty(t, s.do(t, q, nil, nil))
		require.NotEmpty(t, s.do(t, q, nil, nil))
		assert.Equal(t, hits, cacheHits(t, s))
	})
}
