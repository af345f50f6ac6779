package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// ------------------------------------------------------------- Revision

func testRevision(t *testing.T, open Opener) {
	t.Run("GrowsWithEveryWrite", func(t *testing.T) {
		s := loaded(t, open)
		ctx := t.Context()
		last, err := s.Revision(ctx)
		require.NoError(t, err)
		assert.Positive(t, last, "loading the fixture wrote")
		for _, w := range []struct {
			name  string
			write func() error
		}{
			{"CreateNode", func() error {
				return s.CreateNode(ctx, &buurtnet.Territory{ID: "territory:nieuw", Name: buurtnet.Text{NL: "Nieuw"}, Kind: buurtnet.TerritoryNeighbourhood})
			}},
			{"CreateLink PART_OF", func() error {
				return s.CreateLink(ctx, link(buurtnet.LinkPartOf, "territory:nieuw", "territory:fictiestad"))
			}},
			{"DeleteLink", func() error {
				return s.DeleteLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: "territory:nieuw", To: "territory:fictiestad"})
			}},
			{"DeleteNode", func() error { return s.DeleteNode(ctx, "territory:markt-oost") }},
			{"Apply", func() error {
				_, err := s.Apply(ctx, &buurtnet.Network{Links: []*buurtnet.Link{link(buurtnet.LinkOverlaps, "territory:zuidwijk", "territory:buurdorp-kerkstraat")}}, buurtnet.ApplyOptions{})
				return err
			}},
		} {
			require.NoError(t, w.write(), w.name)
			rev, err := s.Revision(ctx)
			require.NoError(t, err)
			assert.Greater(t, rev, last, "after %s", w.name)
			last = rev
		}
		// Reading and a dry run change nothing.
		_, err = s.Apply(ctx, &buurtnet.Network{Links: []*buurtnet.Link{link(buurtnet.LinkOverlaps, "territory:zuidwijk", "territory:noordwijk")}}, buurtnet.ApplyOptions{DryRun: true})
		require.NoError(t, err)
		_, err = s.TerritoryGraph(ctx)
		require.NoError(t, err)
		rev, err := s.Revision(ctx)
		require.NoError(t, err)
		assert.Equal(t, last, rev)
	})

	t.Run("AnalystSeesTerritoryChanges", func(t *testing.T) {
		// The analyst keeps the territory graph between questions; a change to
		// the territories, made through the store by anyone, must show in its
		// next answer.
		s := loaded(t, open)
		a := analyst(s)
		gaps := func() []string {
			r, err := a.Gaps(t.Context(), "territory:buurdorp", buurtnet.Date{})
			require.NoError(t, err)
			var ids []string
			for _, p := range r.Projects {
				ids = append(ids, p.Project.ID)
			}
			return ids
		}
		before := gaps()
		assert.NotContains(t, before, "project:alfa")
		mustLink(t, s, link(buurtnet.LinkPartOf, "territory:noordwijk", "territory:buurdorp"))
		assert.Contains(t, gaps(), "project:alfa", "Noordwijk is now part of Buurdorp")
		require.NoError(t, s.DeleteLink(t.Context(), buurtnet.LinkKey{Kind: buurtnet.LinkPartOf, From: "territory:noordwijk", To: "territory:buurdorp"}))
		assert.Equal(t, before, gaps())
	})

	t.Run("AnalystSeesProjectChanges", func(t *testing.T) {
		// The analyst keeps the projects' profiles between questions too; a
		// change to where a project works must show in its next answer.
		s := loaded(t, open)
		a := analyst(s)
		overlapping := func() []string {
			_, os, err := a.Overlaps(t.Context(), "project:alfa", buurtnet.Date{})
			require.NoError(t, err)
			var ids []string
			for _, o := range os {
				ids = append(ids, o.Project.Project.ID)
			}
			return ids
		}
		assert.Contains(t, overlapping(), "project:beta")
		for _, to := range []string{"territory:noordwijk", "territory:markt-oost"} {
			require.NoError(t, s.DeleteLink(t.Context(), buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:beta", To: to}))
		}
		assert.NotContains(t, overlapping(), "project:beta", "beta works nowhere now")
	})
}
