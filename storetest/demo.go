package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
)

// Demo loads the demo network (package demo, built from the
// seeds) and checks a handful of facts it must hold, through the store.
func testDemo(t *testing.T, open Opener) {
	if len(demo.YAML()) == 0 {
		t.Skip("the demo network is empty")
	}
	network, err := demo.Network()
	require.NoError(t, err)
	s := open(t)
	r := Load(t, s, network)
	fresh, err := demo.Network()
	require.NoError(t, err)
	assert.Len(t, r.Created, len(fresh.Nodes())+len(fresh.Links), "everything in the demo network is new to an empty store")
	a := analyst(s)

	t.Run("Overlaps", func(t *testing.T) {
		// BOOST meets CitiSen in the Brabantwijk, and Zoom Seniors in its zones.
		_, os, err := a.Overlaps(t.Context(), "project:boost", buurtnet.Date{})
		require.NoError(t, err)
		byID := map[string]overlapView{}
		for _, o := range viewOverlaps(os) {
			byID[o.Project] = o
		}
		require.Contains(t, byID, "project:citisen")
		assert.Contains(t, byID["project:citisen"].Places, "territory:brabantwijk SAME territory:brabantwijk 2019-09-01..2021-12-31")
		require.Contains(t, byID, "project:zoom-seniors")
		assert.Contains(t, byID["project:zoom-seniors"].Places, "territory:zone-laag-sint-gillis SAME territory:zone-laag-sint-gillis 2019-09-01..2021-12-31")
		// The closest first: both meet BOOST on the same ground.
		require.NotEmpty(t, os)
		assert.Contains(t, []string{"project:citisen", "project:zoom-seniors", "project:senior-solidarite", "project:manaige"}, os[0].Project.Project.ID)
	})

	t.Run("Funders", func(t *testing.T) {
		// Zoom Seniors, CitiSen and Senior Solidarité are funded by the GGC,
		// MaN'Aige by Innoviris.
		ps, _, err := s.Find(t.Context(), buurtnet.NodeFilter{Kind: buurtnet.KindProject, Funder: "funder:ggc"})
		require.NoError(t, err)
		assert.Equal(t, []string{"project:citisen", "project:senior-solidarite", "project:zoom-seniors"}, sortedIDs(ps))
		ps, _, err = s.Find(t.Context(), buurtnet.NodeFilter{Kind: buurtnet.KindProject, Funder: "funder:innoviris"})
		require.NoError(t, err)
		assert.Equal(t, []string{"project:manaige"}, sortedIDs(ps))
		mustLinkOf(t, s, key(buurtnet.LinkFunds, "funder:ggc", "project:citisen"))
	})

	t.Run("Collaborations", func(t *testing.T) {
		// BOOST collaborates with Citisen, MaN'Aige and Zoom Seniors.
		ps, err := s.Profiles(t.Context(), buurtnet.ProfileQuery{IDs: []string{"project:boost"}})
		require.NoError(t, err)
		require.Len(t, ps, 1)
		for _, p := range []string{"project:citisen", "project:manaige", "project:zoom-seniors"} {
			assert.Contains(t, ps[0].Collaborators, p)
		}
		// 24 partner organisations, coordinated by Brusano.
		assert.Len(t, ps[0].Participants, 24)
		coordinators := []string{}
		for _, l := range ps[0].Participants {
			if l.Role == buurtnet.RoleCoordinator {
				coordinators = append(coordinators, l.From)
			}
		}
		assert.Equal(t, []string{"org:brusano"}, coordinators)
	})

	t.Run("Territories", func(t *testing.T) {
		// The Brabantwijk lies partly in Sint-Joost-ten-Node and partly in
		// Schaarbeek.
		g, err := s.TerritoryGraph(t.Context())
		require.NoError(t, err)
		for _, m := range []string{"territory:sint-joost-ten-node", "territory:schaarbeek"} {
			rel, ok := g.Relate("territory:brabantwijk", m)
			assert.True(t, ok, m)
			assert.Equal(t, buurtnet.SpatialPartial, rel, m)
		}
	})

	t.Run("Answers", func(t *testing.T) {
		// The rendering is stable: the same store answers the same twice.
		first := Answers(t, s)
		assert.NotEmpty(t, first)
		assert.Equal(t, first, Answers(t, s))
	})

	t.Run("SnapshotRoundTrip", func(t *testing.T) {
		b := open(t)
		Load(t, b, snapshot(t, s))
		assert.Equal(t, cleanNetwork(snapshot(t, s)), cleanNetwork(snapshot(t, b)))
		assert.Equal(t, Answers(t, s), Answers(t, b))
	})

	t.Run("Again", func(t *testing.T) {
		before := snapshot(t, s)
		again, err := demo.Network()
		require.NoError(t, err)
		r := Load(t, s, again)
		assert.Empty(t, r.Created)
		assert.Empty(t, r.Updated)
		requireUnchanged(t, s, before)
	})
}
