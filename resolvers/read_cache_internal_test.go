package resolvers

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

func TestReadCacheSets(t *testing.T) {
	c := &ReadCache{limit: 3}
	orgs := func(ids ...string) []buurtnet.Node {
		out := make([]buurtnet.Node, len(ids))
		for i, id := range ids {
			out[i] = &buurtnet.Organisation{ID: id}
		}
		return out
	}

	t.Run("OneSetPerRevision", func(t *testing.T) {
		s := c.set(5)
		require.NotNil(t, s)
		assert.Same(t, s, c.set(5))
		assert.Nil(t, c.set(4), "a request that saw an older revision reads the store")
		newer := c.set(6)
		assert.NotSame(t, s, newer)
		assert.Same(t, newer, c.set(6))
	})

	t.Run("FullSetStartsAfresh", func(t *testing.T) {
		s := c.set(7)
		require.True(t, s.addNodes(orgs("org:a", "org:b")))
		_, ok := s.node("org:a")
		assert.True(t, ok)
		assert.False(t, s.addLinks(map[linkEnd][]*buurtnet.Link{
			{kind: buurtnet.LinkParticipatesIn, id: "project:p"}: {{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:a", To: "project:p"}}},
		}), "two entities and a list of one link are over a limit of 3")
		c.full(s)
		fresh := c.set(7)
		assert.NotSame(t, s, fresh)
		_, ok = fresh.node("org:a")
		assert.False(t, ok)
	})
}

func TestHeldProjects(t *testing.T) {
	p1 := &buurtnet.Project{ID: "project:p1"}
	c := &ReadCache{limit: 100}
	c.ReadProjectsFrom(func(rev int64, id string) (*buurtnet.Project, bool) {
		return p1, rev == 3 && id == p1.ID
	})
	s := c.set(3)
	out := map[string]buurtnet.Node{}
	left := c.heldProjects(s, []string{"organisation:o", "project:p1", "project:p2"}, out)
	assert.Equal(t, []string{"organisation:o", "project:p2"}, left, "what is not held is read from the store")
	assert.Same(t, p1, out["project:p1"])
	n, ok := s.node("project:p1")
	assert.True(t, ok, "and kept for the next requests")
	assert.Same(t, p1, n)
}
