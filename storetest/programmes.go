package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// testProgrammes: a project may be an action package of one programme
// (PART_OF_PROGRAMME), without cycles; a programme and its packages, at any
// depth, are one piece of work at two levels: they do not overlap each other
// and are no synergy pair.
func testProgrammes(t *testing.T, open Opener) {
	programme := func(from, to string) *buurtnet.Link {
		return link(buurtnet.LinkPartOfProgramme, "project:"+from, "project:"+to)
	}
	// Beta is a package of alfa, theta a package of beta.
	nested := func(t *testing.T) buurtnet.Store {
		s := loaded(t, open)
		mustLink(t, s, programme("beta", "alfa"), programme("theta", "beta"))
		return s
	}

	t.Run("Overlaps", func(t *testing.T) {
		a := analyst(nested(t))
		for _, tc := range []struct {
			project string
			want    []string
		}{
			{"project:alfa", []string{"project:gamma"}},    // not beta (its package) nor theta (beta's)
			{"project:beta", []string{}},                   // alfa is its programme, theta its package
			{"project:theta", []string{"project:epsilon"}}, // not beta nor alfa
			{"project:epsilon", []string{"project:theta"}}, // outside the programme: unchanged
			{"project:gamma", []string{"project:alfa"}},    // the programme itself still overlaps others
		} {
			t.Run(tc.project, func(t *testing.T) {
				_, os, err := a.Overlaps(t.Context(), tc.project, buurtnet.Date{})
				require.NoError(t, err)
				got := []string{}
				for _, o := range os {
					got = append(got, o.Project.Project.ID)
				}
				assert.Equal(t, tc.want, got)
			})
		}
	})

	t.Run("Synergies", func(t *testing.T) {
		a := analyst(nested(t))
		ss, err := a.Synergies(t.Context(), buurtnet.SynergyQuery{})
		require.NoError(t, err)
		// Alfa–beta, beta–theta and alfa–theta are gone.
		assert.Equal(t, []synergyView{synEtaZeta, synEpsilonTheta, synAlfaGamma}, viewSynergies(ss))
	})

	t.Run("Links", func(t *testing.T) {
		s := nested(t)
		ls, err := s.Links(t.Context(), buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkPartOfProgramme}, To: []string{"project:alfa"}})
		require.NoError(t, err)
		assert.Equal(t, []string{"PART_OF_PROGRAMME project:beta project:alfa"}, keys(ls))
	})

	for _, tc := range []struct {
		name        string
		link        *buurtnet.Link
		code, field string
	}{
		{"ErrSecondProgramme", programme("beta", "gamma"), buurtnet.ECONFLICT, "to"},
		{"ErrCycleDirect", programme("alfa", "beta"), buurtnet.ECONFLICT, "to"},
		{"ErrCycle", programme("alfa", "theta"), buurtnet.ECONFLICT, "to"},
		{"ErrSelf", programme("alfa", "alfa"), buurtnet.EINVALID, "to"},
		{"ErrDuplicate", programme("beta", "alfa"), buurtnet.ECONFLICT, "to"},
		{"ErrToKind", link(buurtnet.LinkPartOfProgramme, "project:alfa", "org:kruid"), buurtnet.EINVALID, "to"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := nested(t)
			before := snapshot(t, s)
			requireErr(t, s.CreateLink(t.Context(), tc.link), tc.code, tc.field)
			requireUnchanged(t, s, before)
		})
	}

	t.Run("ApplyErr", func(t *testing.T) {
		s := nested(t)
		before := snapshot(t, s)
		for _, tc := range []struct {
			name        string
			links       []*buurtnet.Link
			code, field string
		}{
			// Within the network itself.
			{"Cycle", []*buurtnet.Link{programme("gamma", "delta"), programme("delta", "gamma")}, buurtnet.ECONFLICT, "links[1]"},
			{"SecondProgramme", []*buurtnet.Link{programme("gamma", "delta"), programme("gamma", "eta")}, buurtnet.ECONFLICT, "links[1]"},
			// Against what is stored.
			{"CycleThroughStored", []*buurtnet.Link{programme("gamma", "theta"), programme("alfa", "gamma")}, buurtnet.ECONFLICT, "links[1]"},
			{"SecondProgrammeStored", []*buurtnet.Link{programme("theta", "eta")}, buurtnet.ECONFLICT, "links[0]"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				for _, dry := range []bool{true, false} {
					_, err := apply(t, s, &buurtnet.Network{Links: tc.links}, dry)
					requireErr(t, err, tc.code, tc.field)
					requireUnchanged(t, s, before)
				}
			})
		}
	})

	t.Run("Apply", func(t *testing.T) {
		// Listing a stored programme link again is no second programme.
		s := nested(t)
		r, err := apply(t, s, &buurtnet.Network{Links: []*buurtnet.Link{programme("beta", "alfa"), programme("gamma", "alfa")}}, false)
		require.NoError(t, err)
		require.Len(t, r.Created, 1) // the format of a link's entry is the store's
		assert.Contains(t, r.Created[0], "project:gamma")
		assert.Equal(t, 1, r.Unchanged)
		mustLinkOf(t, s, key(buurtnet.LinkPartOfProgramme, "project:gamma", "project:alfa"))
	})
}
