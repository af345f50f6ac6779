package server_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type overlapJSON struct {
	Project struct{ ID string }
	Places  []struct {
		Territory      struct{ ID string }
		OtherTerritory struct{ ID string }
		Relation       string
		Period         struct{ Start, End *string }
	}
	SharedPartners []struct{ ID string }
	SubjectFunders []struct{ ID string }
	Funders        []struct{ ID string }
}

const overlapsQuery = `query($p: ID!, $on: Date) { overlaps(project: $p, on: $on) {
  project { id } places { territory { id } otherTerritory { id } relation period { start end } }
  sharedPartners { id } subjectFunders { id } funders { id } } }`

// places renders an overlap's places as "mine~theirs:RELATION".
func places(o overlapJSON) []string {
	var out []string
	for _, p := range o.Places {
		out = append(out, fmt.Sprintf("%s~%s:%s", p.Territory.ID, p.OtherTerritory.ID, p.Relation))
	}
	return out
}

func byProject(os []overlapJSON) map[string]overlapJSON {
	out := map[string]overlapJSON{}
	for _, o := range os {
		out[o.Project.ID] = o
	}
	return out
}

func TestQuestionsOnTheDemoNetwork(t *testing.T) {
	s := newDemoServer(t)

	t.Run("OverlapsOfCitisen", func(t *testing.T) {
		var got struct{ Overlaps []overlapJSON }
		s.mustDo(t, overlapsQuery, map[string]any{"p": "project:citisen"}, &got)
		o := byProject(got.Overlaps)
		// BOOST works in Brabantwijk "in samenwerking met het project Citisen" (seed 000).
		require.Contains(t, o, "project:boost")
		assert.Contains(t, places(o["project:boost"]), "territory:brabantwijk~territory:brabantwijk:SAME")
		assert.Contains(t, places(o["project:boost"]), "territory:bijkorf-liedtsstraat~territory:brabantwijk:WITHIN")
		// The shared period is where BOOST (Sept 2019 – Dec 2021) and CitiSen (2019–2022) both run.
		first := o["project:boost"].Places[0].Period
		assert.Equal(t, "2019-09-01", *first.Start)
		assert.Equal(t, "2021-12-31", *first.End)
		// The Overleg buurtprojecten is a consultation, not a project working
		// in the whole region: it overlaps nothing.
		assert.NotContains(t, o, "project:overleg-buurtprojecten")
		// CitiSen is funded by the GGC (seed 004); BOOST's funder is not in the seeds.
		assert.Equal(t, []string{"funder:ggc"}, ids(o["project:boost"].SubjectFunders, func(f struct{ ID string }) string { return f.ID }))
		assert.Empty(t, o["project:boost"].Funders)
		// Senior Solidarité works in Etterbeek, Zoom Seniors in other zones: no overlap.
		assert.NotContains(t, o, "project:senior-solidarite")
		assert.NotContains(t, o, "project:zoom-seniors")
		assert.Len(t, got.Overlaps, 1)
	})

	t.Run("OverlapsOfBoost", func(t *testing.T) {
		var got struct{ Overlaps []overlapJSON }
		s.mustDo(t, overlapsQuery, map[string]any{"p": "project:boost"}, &got)
		o := byProject(got.Overlaps)
		assert.ElementsMatch(t, []string{"project:citisen", "project:manaige", "project:zoom-seniors"}, ids(got.Overlaps, func(x overlapJSON) string { return x.Project.ID }))
		assert.ElementsMatch(t, []string{
			"territory:zone-laag-sint-gillis~territory:zone-laag-sint-gillis:SAME",
			"territory:zone-anneessens-stalingrad~territory:zone-anneessens-stalingrad:SAME",
			"territory:zone-marollen-stalingrad~territory:zone-marollen-stalingrad:SAME",
		}, places(o["project:zoom-seniors"]))
		assert.ElementsMatch(t, []string{
			"territory:broekwijk~territory:broekwijk:SAME",
			"territory:olv-ter-sneeuw~territory:olv-ter-sneeuw:SAME",
		}, places(o["project:manaige"]))
		assert.Equal(t, []string{"funder:ggc"}, ids(o["project:zoom-seniors"].Funders, func(f struct{ ID string }) string { return f.ID }))
		assert.Equal(t, []string{"funder:innoviris"}, ids(o["project:manaige"].Funders, func(f struct{ ID string }) string { return f.ID }))
		// Zoom Seniors (the organisation) is a BOOST partner and coordinates its project.
		assert.Equal(t, []string{"org:zoom-seniors"}, ids(o["project:zoom-seniors"].SharedPartners, func(f struct{ ID string }) string { return f.ID }))
	})

	t.Run("OverlapsOnADay", func(t *testing.T) {
		var got struct{ Overlaps []overlapJSON }
		// BOOST ended in December 2021; CitiSen ran through 2022.
		s.mustDo(t, overlapsQuery, map[string]any{"p": "project:citisen", "on": "2022-06-01"}, &got)
		assert.NotContains(t, byProject(got.Overlaps), "project:boost")
	})

	t.Run("OverlapsInLimburg", func(t *testing.T) {
		var got struct{ Overlaps []overlapJSON }
		s.mustDo(t, overlapsQuery, map[string]any{"p": "project:minder-mazen-meer-net"}, &got)
		o := byProject(got.Overlaps)
		require.Contains(t, o, "project:buurtgerichte-zorg-pilot")
		assert.ElementsMatch(t, []string{
			"territory:hamont-achel~territory:hamont-achel:SAME",
			"territory:pelt~territory:pelt:SAME",
		}, places(o["project:buurtgerichte-zorg-pilot"]))
		assert.ElementsMatch(t, []string{"funder:cera", "funder:porticus", "funder:fonds-daniel-de-coninck"},
			ids(o["project:buurtgerichte-zorg-pilot"].Funders, func(f struct{ ID string }) string { return f.ID }))
	})

	t.Run("OverlapsOfUnknownProject", func(t *testing.T) {
		s.expectError(t, `{ overlaps(project: "project:nope") { project { id } } }`, nil, "NOT_FOUND", "project")
		s.expectError(t, `{ overlaps(project: "territory:brabantwijk") { project { id } } }`, nil, "INVALID", "project")
	})

	t.Run("Synergies", func(t *testing.T) {
		var got struct {
			Synergies []struct {
				Projects []struct{ ID string }
				Score    int
				Reasons  []struct {
					Code, Message string
					Points        int
				}
			}
		}
		s.mustDo(t, `{ synergies(territory: "territory:brussels-region", first: 50) { projects { id } score reasons { code points message } } }`, nil, &got)
		require.NotEmpty(t, got.Synergies)
		for i, syn := range got.Synergies {
			sum := 0
			for _, r := range syn.Reasons {
				sum += r.Points
				assert.NotEmpty(t, r.Message)
			}
			assert.Equal(t, syn.Score, sum, "score is the sum of the reasons' points")
			if i > 0 {
				assert.LessOrEqual(t, syn.Score, got.Synergies[i-1].Score, "ranked best first")
			}
		}
		pairs := map[string][]string{}
		for _, syn := range got.Synergies {
			var codes []string
			for _, r := range syn.Reasons {
				codes = append(codes, r.Code)
			}
			pairs[syn.Projects[0].ID+" "+syn.Projects[1].ID] = codes
		}
		// BOOST and CitiSen already collaborate (seed 000) in the same neighbourhood.
		assert.Contains(t, pairs["project:boost project:citisen"], "ALREADY_COLLABORATING")
		assert.Contains(t, pairs["project:boost project:citisen"], "SAME_TERRITORY")
		// Zoom Seniors, the organisation, coordinates the Zoom Seniors project
		// and takes part in BOOST: the project itself taking part, no bridge.
		assert.Contains(t, pairs["project:boost project:zoom-seniors"], "COORDINATOR_TAKES_PART")
		assert.NotContains(t, pairs["project:boost project:zoom-seniors"], "BRIDGING_ORGANISATION")
		// The programme and its action package are no pair.
		assert.NotContains(t, pairs, "project:boost project:boost-programma")
		assert.NotContains(t, pairs, "project:boost-programma project:boost")

		var fr struct {
			Synergies []struct {
				Reasons []struct{ Code, Message string }
			}
		}
		s.mustDo(t, `{ synergies(territory: "territory:brabantwijk", first: 1) { reasons { code message } } }`, nil, &fr, "Accept-Language", "fr-BE,fr;q=0.9")
		require.Len(t, fr.Synergies, 1)
		messages := map[string]string{}
		for _, r := range fr.Synergies[0].Reasons {
			messages[r.Code] = r.Message
		}
		assert.Contains(t, messages["SAME_TERRITORY"], "territoire")
	})

	// Misleading case 4 of issue 12: a facilitator gets two lists to act on.
	t.Run("SynergiesToActOn", func(t *testing.T) {
		type synergy struct {
			Projects []struct{ ID string }
			Kind     string
			Score    int
			Reasons  []struct {
				Code     string
				Points   int
				Message  string
				Subjects []struct{ ID string }
			}
		}
		list := func(kind string) map[string]synergy {
			var got struct{ Synergies []synergy }
			s.mustDo(t, `query($k: SynergyKind) { synergies(territory: "territory:brussels-region", first: 50, kind: $k) {
			  projects { id } kind score reasons { code points message(lang: NL) subjects { id } } } }`, map[string]any{"k": kind}, &got)
			out := map[string]synergy{}
			for _, syn := range got.Synergies {
				require.Equal(t, kind, syn.Kind)
				out[syn.Projects[0].ID+" "+syn.Projects[1].ID] = syn
			}
			return out
		}
		introductions, strengthen := list("INTRODUCTION"), list("STRENGTHEN")
		// BOOST collaborates with CitiSen, MaN'Aige and Zoom Seniors (seed
		// 000): collaborations to strengthen, never introductions.
		for _, pair := range []string{"project:boost project:citisen", "project:boost project:manaige", "project:boost project:zoom-seniors"} {
			assert.Contains(t, strengthen, pair)
			assert.NotContains(t, introductions, pair)
		}
		// An existing collaboration costs nothing; it is said, at 0 points.
		for pair, syn := range strengthen {
			for _, r := range syn.Reasons {
				assert.GreaterOrEqual(t, r.Points, 0, "%s %s", pair, r.Code)
			}
		}
		// Zoom Seniors and Senior Solidarité, both GGC pilots for older people,
		// work in different neighbourhoods; CitiSen and Zoom Seniors neither:
		// the Brussels introductions are pairs that do not work together.
		for pair, syn := range introductions {
			for _, r := range syn.Reasons {
				assert.NotEqual(t, "ALREADY_COLLABORATING", r.Code, pair)
				assert.NotEqual(t, "COORDINATOR_TAKES_PART", r.Code, pair)
			}
		}
		// BOOST's funder is not in the seeds: said, not scored.
		var unknown []string
		for _, r := range strengthen["project:boost project:manaige"].Reasons {
			if r.Code == "FUNDERS_UNKNOWN" {
				assert.Zero(t, r.Points)
				assert.Contains(t, r.Message, "Financiers onbekend")
				for _, sub := range r.Subjects {
					unknown = append(unknown, sub.ID)
				}
			}
			assert.NotEqual(t, "DIFFERENT_FUNDERS", r.Code)
		}
		assert.Equal(t, []string{"project:boost"}, unknown)
		// The coordinator taking part is named with both projects.
		var taking []string
		for _, r := range strengthen["project:boost project:zoom-seniors"].Reasons {
			if r.Code == "COORDINATOR_TAKES_PART" {
				assert.Contains(t, r.Message, "coördinator van Zoom Seniors, neemt al deel aan BOOST")
				for _, sub := range r.Subjects {
					taking = append(taking, sub.ID)
				}
			}
		}
		assert.Equal(t, []string{"org:zoom-seniors", "project:zoom-seniors", "project:boost"}, taking)
		s.expectError(t, `{ synergies(kind: MAYBE) { score } }`, nil, "GRAPHQL_VALIDATION_FAILED", "")
	})

	// Misleading case 5 of issue 12: BOOST is a programme, and what the
	// leaflet describes is one of its action packages.
	t.Run("Programme", func(t *testing.T) {
		var got struct {
			Boost struct {
				Programme *struct{ ID string }
			}
			Programme struct {
				ActionPackages []struct{ ID string }
				Programme      *struct{ ID string }
			}
		}
		s.mustDo(t, `{ boost: node(id: "project:boost") { ... on Project { programme { id } } }
		  programme: node(id: "project:boost-programma") { ... on Project { actionPackages { id } programme { id } } } }`, nil, &got)
		require.NotNil(t, got.Boost.Programme)
		assert.Equal(t, "project:boost-programma", got.Boost.Programme.ID)
		assert.Equal(t, []string{"project:boost"}, ids(got.Programme.ActionPackages, func(p struct{ ID string }) string { return p.ID }))
		assert.Nil(t, got.Programme.Programme)

		var os struct{ Overlaps []overlapJSON }
		s.mustDo(t, overlapsQuery, map[string]any{"p": "project:boost"}, &os)
		assert.NotContains(t, byProject(os.Overlaps), "project:boost-programma")
	})

	t.Run("SynergiesInLimburg", func(t *testing.T) {
		var got struct {
			Synergies []struct {
				Projects []struct{ ID string }
				Reasons  []struct{ Code, Message string }
			}
		}
		s.mustDo(t, `{ synergies(territory: "territory:limburg") { projects { id } reasons { code message(lang: NL) } } }`, nil, &got)
		require.Len(t, got.Synergies, 1)
		assert.ElementsMatch(t, []string{"project:buurtgerichte-zorg-pilot", "project:minder-mazen-meer-net"}, ids(got.Synergies[0].Projects, func(p struct{ ID string }) string { return p.ID }))
	})

	t.Run("Gaps", func(t *testing.T) {
		var got struct {
			Gaps struct {
				Projects         []struct{ ID string }
				MissingFunctions []struct{ ID string }
				MissingThemes    []struct{ ID string }
				CoveredFunctions []struct {
					Function struct{ ID string }
					Projects []struct{ ID string }
				}
			}
		}
		s.mustDo(t, `{ gaps(territory: "territory:brabantwijk") { projects { id } missingFunctions { id } missingThemes { id }
		  coveredFunctions { function { id } projects { id } } } }`, nil, &got)
		assert.ElementsMatch(t, []string{"project:boost", "project:citisen"}, ids(got.Gaps.Projects, func(p struct{ ID string }) string { return p.ID }))
		covered := map[string][]string{}
		for _, c := range got.Gaps.CoveredFunctions {
			covered[c.Function.ID] = ids(c.Projects, func(p struct{ ID string }) string { return p.ID })
		}
		assert.Equal(t, []string{"project:boost"}, covered["function:zb-5-toeleiding"])
		missing := ids(got.Gaps.MissingFunctions, func(p struct{ ID string }) string { return p.ID })
		assert.Contains(t, missing, "function:zb-8-beleidsadvisering")
		assert.NotContains(t, missing, "function:zb-5-toeleiding")
		assert.Equal(t, 16, len(missing)+len(got.Gaps.CoveredFunctions), "every function is either missing or covered")
		assert.Contains(t, ids(got.Gaps.MissingThemes, func(p struct{ ID string }) string { return p.ID }), "theme:mantelzorgondersteuning")
	})

	t.Run("StakeholderMap", func(t *testing.T) {
		var got struct {
			StakeholderMap struct {
				Levels []struct {
					Level        string
					Participants []struct{ Organisation struct{ ID string } }
				}
			}
		}
		s.mustDo(t, `{ stakeholderMap(project: "project:boost") { levels { level participants { organisation { id } } sectors } } }`, nil, &got)
		require.Len(t, got.StakeholderMap.Levels, 4)
		byLevel := map[string]int{}
		for _, l := range got.StakeholderMap.Levels {
			byLevel[l.Level] = len(l.Participants)
		}
		assert.Equal(t, map[string]int{"INFORM": 0, "CONSULT": 0, "CO_CREATE": 23, "CO_DECIDE": 1}, byLevel)
		assert.Equal(t, "org:brusano", got.StakeholderMap.Levels[3].Participants[0].Organisation.ID)
	})
}

// TestOverlapsPage checks overlaps(first:) and overlapCount: a page is the
// start of the whole list, in its order, and the count is the whole's.
func TestOverlapsPage(t *testing.T) {
	s := newDemoServer(t)
	type answer struct {
		Overlaps     []struct{ Project struct{ ID string } }
		OverlapCount int
	}
	var all, page answer
	s.mustDo(t, `{ overlaps(project: "project:boost") { project { id } } overlapCount(project: "project:boost") }`, nil, &all)
	require.Greater(t, len(all.Overlaps), 2)
	assert.Equal(t, len(all.Overlaps), all.OverlapCount)

	s.mustDo(t, `{ overlaps(project: "project:boost", first: 2) { project { id } } }`, nil, &page)
	assert.Equal(t, all.Overlaps[:2], page.Overlaps)
	s.mustDo(t, `{ overlaps(project: "project:boost", first: 1000) { project { id } } }`, nil, &page)
	assert.Equal(t, all.Overlaps, page.Overlaps)

	for _, first := range []int{0, 1001} {
		s.expectError(t, `query($first: Int) { overlaps(project: "project:boost", first: $first) { project { id } } }`, map[string]any{"first": first}, "INVALID", "first")
	}
	s.expectError(t, `{ overlapCount(project: "project:nope") }`, nil, "NOT_FOUND", "project")
}

// TestGapsPage checks first: and the counts on the lists of projects of a
// gap report: a page is the start of the whole list, the count the whole's.
func TestGapsPage(t *testing.T) {
	s := newDemoServer(t)
	type coverage struct {
		Projects     []struct{ ID string }
		ProjectCount int
	}
	type answer struct {
		Gaps struct {
			Projects                    []struct{ ID string }
			ProjectCount                int
			PartlyPresent               []struct{ Project struct{ ID string } }
			PartlyPresentCount          int
			CoveredThemes, CoveredFuncs []coverage
		}
	}
	const q = `query($first: Int) { gaps(territory: "territory:brussels-region") {
  projects(first: $first) { id } projectCount
  partlyPresent(first: $first) { project { id } } partlyPresentCount
  coveredThemes { projects(first: $first) { id } projectCount }
  coveredFuncs: coveredFunctions { projects(first: $first) { id } projectCount } } }`
	var all, one answer
	s.mustDo(t, q, map[string]any{"first": nil}, &all)
	s.mustDo(t, q, map[string]any{"first": 1}, &one)
	require.Greater(t, len(all.Gaps.Projects), 1)
	assert.Equal(t, len(all.Gaps.Projects), all.Gaps.ProjectCount)
	assert.Equal(t, all.Gaps.Projects[:1], one.Gaps.Projects)
	assert.Equal(t, all.Gaps.ProjectCount, one.Gaps.ProjectCount)
	assert.Equal(t, len(all.Gaps.PartlyPresent), one.Gaps.PartlyPresentCount)
	assert.LessOrEqual(t, len(one.Gaps.PartlyPresent), 1)
	wide := 0
	for i, c := range all.Gaps.CoveredThemes {
		assert.Equal(t, len(c.Projects), c.ProjectCount)
		assert.Equal(t, c.Projects[:1], one.Gaps.CoveredThemes[i].Projects)
		assert.Equal(t, c.ProjectCount, one.Gaps.CoveredThemes[i].ProjectCount)
		if c.ProjectCount > 1 {
			wide++
		}
	}
	assert.Positive(t, wide, "a theme covered by several projects")
	for i, c := range all.Gaps.CoveredFuncs {
		assert.Equal(t, c.Projects[:1], one.Gaps.CoveredFuncs[i].Projects)
	}
	s.expectError(t, q, map[string]any{"first": 0}, "INVALID", "first")
}
