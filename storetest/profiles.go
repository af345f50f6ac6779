package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

func testProfiles(t *testing.T, open Opener) {
	s := loaded(t, open)
	fixture := fixtureNormalized(t)

	profiles := func(t *testing.T, q buurtnet.ProfileQuery) []*buurtnet.ProjectProfile {
		t.Helper()
		ps, err := s.Profiles(t.Context(), q)
		require.NoError(t, err)
		return ps
	}
	projectIDs := func(ps []*buurtnet.ProjectProfile) []string {
		out := []string{}
		for _, p := range ps {
			out = append(out, p.Project.ID)
		}
		return out
	}

	t.Run("All", func(t *testing.T) {
		// Sorted by id, each assembled from the project's links exactly as
		// buurtnet.BuildProfiles would from the whole graph.
		ps := profiles(t, buurtnet.ProfileQuery{All: true})
		assert.Equal(t, []string{"project:alfa", "project:beta", "project:delta", "project:epsilon", "project:eta",
			"project:gamma", "project:iota", "project:theta", "project:zeta"}, projectIDs(ps))
		want := buurtnet.BuildProfiles(fixture.Projects, fixture.Links)
		require.Len(t, ps, len(want))
		for i := range want {
			assert.Equal(t, profileView(want[i]), profileView(ps[i]), want[i].Project.ID)
		}
	})

	t.Run("Fields", func(t *testing.T) {
		// Spelled out for one project, so that the comparison above cannot
		// pass on a fixture that lost its links.
		ps := profiles(t, buurtnet.ProfileQuery{IDs: []string{"project:alfa"}})
		require.Len(t, ps, 1)
		p := ps[0]
		assert.Equal(t, clean(mustNode(t, s, "project:alfa")), clean(p.Project))
		requireStampsNew(t, p.Project.Stamp)
		marktwijk := link(buurtnet.LinkActiveIn, "project:alfa", "territory:marktwijk")
		marktwijk.Coverage, marktwijk.Period, marktwijk.Note = buurtnet.CoverageWhole, period("2020-03-01", "2021-03-31"), "Alleen rond de markt."
		noordwijk := link(buurtnet.LinkActiveIn, "project:alfa", "territory:noordwijk")
		noordwijk.Coverage = buurtnet.CoverageWhole
		assert.Equal(t, []*buurtnet.Link{marktwijk, noordwijk}, cleanLinks(p.Territories))
		brug := link(buurtnet.LinkParticipatesIn, "org:de-brug", "project:alfa")
		brug.Role, brug.Level, brug.Note, brug.Source = buurtnet.RoleCoordinator, buurtnet.LevelCoDecide, "Trekker", "storetest fixture"
		kruid := link(buurtnet.LinkParticipatesIn, "org:kruid", "project:alfa")
		kruid.Role, kruid.Level = buurtnet.RolePartner, buurtnet.LevelConsult
		mutualiteit := link(buurtnet.LinkParticipatesIn, "org:mutualiteit", "project:alfa")
		mutualiteit.Role = buurtnet.RoleAssociate
		assert.Equal(t, []*buurtnet.Link{brug, kruid, mutualiteit}, cleanLinks(p.Participants))
		funds := link(buurtnet.LinkFunds, "funder:stadsfonds", "project:alfa")
		funds.Amount, funds.Period, funds.Source = money(50000), period("2020-01-01", "2022-12-31"), "storetest fixture"
		assert.Equal(t, []*buurtnet.Link{funds}, cleanLinks(p.Fundings))
		assert.Equal(t, []string{"theme:isolement", "theme:mentaal"}, p.Themes)
		assert.Equal(t, []string{"targetgroup:ouderen"}, p.TargetGroups)
		assert.Equal(t, []string{"function:vvsg-2"}, p.Functions)
		assert.Empty(t, p.Collaborators)
		for _, l := range append(append(p.Territories, p.Participants...), p.Fundings...) {
			requireStampsNew(t, l.Stamp)
		}
	})

	t.Run("Collaborators", func(t *testing.T) {
		// A collaboration shows on both sides.
		ps := profiles(t, buurtnet.ProfileQuery{IDs: []string{"project:zeta", "project:eta"}})
		require.Len(t, ps, 2)
		assert.Equal(t, []string{"project:zeta"}, ps[0].Collaborators)
		assert.Equal(t, []string{"project:eta"}, ps[1].Collaborators)
		assert.Equal(t, []string{"org:entraide", "org:kc-zorg"}, ps[0].Partners())
		assert.Equal(t, []string{"funder:gewestfonds"}, ps[0].Funders())
	})

	t.Run("CollaboratorsOneSide", func(t *testing.T) {
		// Asked for alone, each side still sees the collaboration (stored
		// eta ↔ zeta), and its participations and fundings.
		for _, tc := range []struct{ id, other string }{{"project:zeta", "project:eta"}, {"project:eta", "project:zeta"}} {
			ps := profiles(t, buurtnet.ProfileQuery{IDs: []string{tc.id}})
			require.Len(t, ps, 1)
			assert.Equal(t, []string{tc.other}, ps[0].Collaborators, tc.id)
			assert.NotEmpty(t, ps[0].Participants, tc.id)
			assert.NotEmpty(t, ps[0].Fundings, tc.id)
		}
	})

	t.Run("Bare", func(t *testing.T) {
		// A project without links has an empty profile.
		ps := profiles(t, buurtnet.ProfileQuery{IDs: []string{"project:iota"}})
		require.Len(t, ps, 1)
		assert.Equal(t, profileView(&buurtnet.ProjectProfile{Project: ps[0].Project}), profileView(ps[0]))
	})

	for _, tc := range []struct {
		name string
		q    buurtnet.ProfileQuery
		want []string
	}{
		{"IDs", buurtnet.ProfileQuery{IDs: []string{"project:theta", "project:nope", "project:alfa", "org:kruid"}}, []string{"project:alfa", "project:theta"}},
		// Exactly the territories given: not those within or containing them.
		{"Territories", buurtnet.ProfileQuery{Territories: []string{"territory:noordwijk"}}, []string{"project:alfa", "project:beta"}},
		{"TerritoriesSeveral", buurtnet.ProfileQuery{Territories: []string{"territory:markt-oost", "territory:zone-oost", "territory:buurdorp"}},
			[]string{"project:beta", "project:eta", "project:gamma"}},
		{"IDsAndTerritories", buurtnet.ProfileQuery{IDs: []string{"project:iota", "project:gamma"}, Territories: []string{"territory:zone-oost", "territory:fictiestad"}},
			[]string{"project:delta", "project:epsilon", "project:gamma", "project:iota"}},
		{"TerritoryWithoutProjects", buurtnet.ProfileQuery{Territories: []string{"territory:zuidwijk"}}, []string{}},
		// Contract: an empty query selects nothing.
		{"Nothing", buurtnet.ProfileQuery{}, []string{}},
		{"AllWins", buurtnet.ProfileQuery{All: true, IDs: []string{"project:alfa"}}, []string{"project:alfa", "project:beta", "project:delta", "project:epsilon",
			"project:eta", "project:gamma", "project:iota", "project:theta", "project:zeta"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, projectIDs(profiles(t, tc.q)))
		})
	}

	t.Run("Empty", func(t *testing.T) {
		ps, err := open(t).Profiles(t.Context(), buurtnet.ProfileQuery{All: true})
		require.NoError(t, err)
		assert.Empty(t, ps)
	})
}

// profileView is a profile as comparable values, without timestamps.
type profileViewT struct {
	Project                                        buurtnet.Node
	Territories, Participants, Fundings            []*buurtnet.Link
	Themes, TargetGroups, Functions, Collaborators []string
}

func profileView(p *buurtnet.ProjectProfile) profileViewT {
	return profileViewT{
		Project:       clean(p.Project),
		Territories:   cleanLinks(p.Territories),
		Participants:  cleanLinks(p.Participants),
		Fundings:      cleanLinks(p.Fundings),
		Themes:        nonNil(p.Themes),
		TargetGroups:  nonNil(p.TargetGroups),
		Functions:     nonNil(p.Functions),
		Collaborators: nonNil(p.Collaborators),
	}
}
