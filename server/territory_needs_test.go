package server_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// End-to-end answers from the seeds for what a territory needs and who is
// there, on the demo network (issue 12, misleading cases 2 and 3).

type presenceJSON struct {
	Project struct{ ID string }
	Places  []struct {
		Territory struct{ ID string }
		Relation  string
	}
}

type gapsJSON struct {
	Gaps struct {
		Priorities []struct {
			Priority struct {
				TargetGroup *struct{ ID string }
				Theme       *struct{ ID string }
				Source      string
			}
			Missing  bool
			Projects []struct{ ID string }
		}
		Projects         []struct{ ID string }
		PartlyPresent    []presenceJSON
		MissingFunctions []struct{ ID string }
		CoveredFunctions []struct {
			Function struct{ ID string }
			Projects []struct{ ID string }
			Through  []struct{ ID string }
		}
		PartlyCoveredFunctions []struct {
			Function struct{ ID string }
			Projects []struct{ ID string }
		}
	}
}

const gapsQuery = `query($t: ID!) { gaps(territory: $t) {
	priorities { priority { targetGroup { id } theme { id } source } missing projects { id } }
	projects { id }
	partlyPresent { project { id } places { territory { id } relation } }
	missingFunctions { id }
	coveredFunctions { function { id } projects { id } through { id } }
	partlyCoveredFunctions { function { id } projects { id } } } }`

func gapsOf(t *testing.T, s *demoServer, territory string) gapsJSON {
	t.Helper()
	var got gapsJSON
	s.mustDo(t, gapsQuery, map[string]any{"t": territory}, &got)
	return got
}

func TestGapsPartlyPresent(t *testing.T) {
	s := newDemoServer(t)
	id := func(x struct{ ID string }) string { return x.ID }

	t.Run("Stalingradwijk", func(t *testing.T) {
		// BOOST's two zones each hold half of the Stalingradwijk: BOOST (and
		// Zoom Seniors, in the same zones) are partly present, not absent.
		got := gapsOf(t, s, "territory:stalingradwijk").Gaps
		assert.Empty(t, ids(got.Projects, id), "no project works in the whole of it (the Overleg is a consultation)")
		partly := map[string][]string{}
		for _, p := range got.PartlyPresent {
			for _, pl := range p.Places {
				partly[p.Project.ID] = append(partly[p.Project.ID], pl.Territory.ID+" "+pl.Relation)
			}
		}
		want := []string{"territory:zone-anneessens-stalingrad PARTIAL", "territory:zone-marollen-stalingrad PARTIAL"}
		assert.Equal(t, want, partly["project:boost"])
		assert.Equal(t, want, partly["project:zoom-seniors"])
		// Their work shows beside the gaps: BOOST refers to care there, in part.
		partlyCovered := map[string][]string{}
		for _, c := range got.PartlyCoveredFunctions {
			partlyCovered[c.Function.ID] = ids(c.Projects, id)
		}
		assert.Equal(t, []string{"project:boost"}, partlyCovered["function:zb-5-toeleiding"])
		assert.Contains(t, ids(got.MissingFunctions, id), "function:zb-5-toeleiding", "no project is known to work in the whole neighbourhood")
	})

	t.Run("SintJoostTenNode", func(t *testing.T) {
		// The leaflet lists the Brabantwijk, partly in Sint-Joost, under BOOST.
		got := gapsOf(t, s, "territory:sint-joost-ten-node").Gaps
		assert.NotContains(t, ids(got.Projects, id), "project:boost")
		var boost *presenceJSON
		for i, p := range got.PartlyPresent {
			if p.Project.ID == "project:boost" {
				boost = &got.PartlyPresent[i]
			}
		}
		require.NotNil(t, boost, "BOOST counts partly in Sint-Joost-ten-Node")
		require.Len(t, boost.Places, 1)
		assert.Equal(t, "territory:brabantwijk", boost.Places[0].Territory.ID)
		assert.Equal(t, "PARTIAL", boost.Places[0].Relation)
	})
}

func TestGapsFollowTheCrosswalk(t *testing.T) {
	s := newDemoServer(t)
	id := func(x struct{ ID string }) string { return x.ID }

	// BOOST covers building block 5 "Toeleiding naar zorg" in the Broekwijk:
	// VVSG's "Toeleiding" is not missing there.
	got := gapsOf(t, s, "territory:broekwijk").Gaps
	assert.NotContains(t, ids(got.MissingFunctions, id), "function:vvsg-toeleiding")
	var toeleiding []string
	var through []string
	for _, c := range got.CoveredFunctions {
		if c.Function.ID == "function:vvsg-toeleiding" {
			toeleiding, through = ids(c.Projects, id), ids(c.Through, id)
		}
	}
	assert.Equal(t, []string{"project:boost"}, toeleiding)
	assert.Equal(t, []string{"function:zb-5-toeleiding"}, through)

	// The crosswalk itself, read from either side.
	var fn struct {
		Node struct{ CorrespondsTo []struct{ ID string } }
	}
	s.mustDo(t, `{ node(id: "function:zb-5-toeleiding") { ... on Function { correspondsTo { id } } } }`, nil, &fn)
	assert.Equal(t, []string{"function:vvsg-toeleiding"}, ids(fn.Node.CorrespondsTo, id))
	s.mustDo(t, `{ node(id: "function:vvsg-detectie") { ... on Function { correspondsTo { id } } } }`, nil, &fn)
	assert.Equal(t, []string{"function:zb-4-detectie"}, ids(fn.Node.CorrespondsTo, id))

	// Building blocks 7 and 8 belong to the approach, not to a pillar D.
	var blocks struct {
		Functions []struct {
			Number   int
			Pillar   *string
			Approach bool
		}
	}
	s.mustDo(t, `{ functions(framework: CARING_NEIGHBOURHOODS) { number pillar approach } }`, nil, &blocks)
	require.Len(t, blocks.Functions, 8)
	for _, b := range blocks.Functions {
		assert.Equal(t, b.Number >= 7, b.Approach, "building block %d", b.Number)
		assert.Equal(t, b.Number >= 7, b.Pillar == nil || *b.Pillar == "", "building block %d", b.Number)
	}
}

func TestGapsPriorities(t *testing.T) {
	s := newDemoServer(t)
	// Seed 004: the GGC chose care for older people in the Brabantwijk;
	// CitiSen works on it there.
	got := gapsOf(t, s, "territory:brabantwijk").Gaps
	require.Len(t, got.Priorities, 1)
	p := got.Priorities[0]
	require.NotNil(t, p.Priority.TargetGroup)
	assert.Nil(t, p.Priority.Theme)
	assert.Equal(t, "targetgroup:ouderen", p.Priority.TargetGroup.ID)
	assert.Equal(t, "004_767a0683929f0153.txt", p.Priority.Source)
	assert.False(t, p.Missing)
	assert.Equal(t, []string{"project:citisen"}, ids(p.Projects, func(x struct{ ID string }) string { return x.ID }))

	// A territory lists its own priorities.
	var tr struct {
		Node struct {
			Priorities []struct {
				TargetGroup struct{ ID string }
				Period      struct{ Start, End string }
			}
		}
	}
	s.mustDo(t, `{ node(id: "territory:laag-sint-gillis") { ... on Territory { priorities { targetGroup { id } period { start end } } } } }`, nil, &tr)
	require.Len(t, tr.Node.Priorities, 1)
	assert.Equal(t, "targetgroup:ouderen", tr.Node.Priorities[0].TargetGroup.ID)
	assert.Equal(t, "2019-01-01", tr.Node.Priorities[0].Period.Start)

	// A priority says where it comes from, or is refused.
	s.expectError(t, `mutation { link(input: {kind: PRIORITISES, from: "territory:broekwijk", to: "theme:sociale-isolatie"}) { kind } }`, nil, "INVALID", "source")
	s.expectError(t, `mutation { link(input: {kind: PRIORITISES, from: "territory:broekwijk", to: "targetgroup:ouderen", source: "x"}) { kind } }`, nil, "INVALID", "to")
}

func TestUninvolved(t *testing.T) {
	s := newDemoServer(t)
	// Everyone the seeds place in Brussels takes part in a project there.
	var got struct {
		Uninvolved struct {
			Sectors []struct {
				Sector        string
				Organisations []struct{ ID string }
			}
			WithoutSector []struct{ ID string }
			Total         int
		}
	}
	s.mustDo(t, `{ uninvolved(territory: "territory:brussels-region") { sectors { sector organisations { id } } withoutSector { id } total } }`, nil, &got)
	assert.Zero(t, got.Uninvolved.Total)

	// An organisation newly located in the Broekwijk, in no project there,
	// shows under its sector.
	s.mustDo(t, `mutation { createOrganisation(input: {id: "org:jeugdhuis-test", name: {nl: "Jeugdhuis (test)"}, sectors: [YOUTH]}) { id } }`, nil, nil)
	s.mustDo(t, `mutation { link(input: {kind: LOCATED_IN, from: "org:jeugdhuis-test", to: "territory:broekwijk"}) { kind } }`, nil, nil)
	s.mustDo(t, `{ uninvolved(territory: "territory:stad-brussel") { sectors { sector organisations { id } } withoutSector { id } total } }`, nil, &got)
	assert.Equal(t, 1, got.Uninvolved.Total)
	require.Len(t, got.Uninvolved.Sectors, 1)
	assert.Equal(t, "YOUTH", got.Uninvolved.Sectors[0].Sector)
	assert.Equal(t, "org:jeugdhuis-test", got.Uninvolved.Sectors[0].Organisations[0].ID)

	s.expectError(t, `{ uninvolved(territory: "territory:nowhere") { total } }`, nil, "NOT_FOUND", "territory")
	s.expectError(t, `{ uninvolved(territory: "territory:broekwijk", first: -1) { total } }`, nil, "INVALID", "first")
}
