package web_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// What a territory needs and who is there, as the territory and project
// pages show it, against the API's own answers: the two synergy lists, the
// crosswalk and partly present projects in the gap matrix, the
// organisations present but not involved, and programme and action package.
func TestExplorerTerritoryNeeds(t *testing.T) {
	e := newExplorer(t)

	t.Run("synergy-lists", func(t *testing.T) {
		e.t = t
		var want struct {
			Introductions, Strengthen []struct{ Projects []struct{ ID string } }
		}
		require.Empty(t, e.gql("", `{ introductions: synergies(territory: "territory:brussels-region", kind: INTRODUCTION, first: 10) { projects { id } }
			strengthen: synergies(territory: "territory:brussels-region", kind: STRENGTHEN, first: 10) { projects { id } } }`, nil, &want))
		require.NotEmpty(t, want.Strengthen, "the region has collaborations to strengthen")
		e.open("/territory/brussels-region")
		pairs := func(list string) []string {
			return eval[[]string](e, fmt.Sprintf(`[...document.querySelectorAll('[data-list=%s] li.synergy p.pair')]
				.map(p => [...p.querySelectorAll('a')].map(a => a.getAttribute('href')).join(' '))`, list))
		}
		asPairs := func(ss []struct{ Projects []struct{ ID string } }) []string {
			out := []string{}
			for _, s := range ss {
				out = append(out, pathOf(s.Projects[0].ID)+" "+pathOf(s.Projects[1].ID))
			}
			return out
		}
		assert.Equal(t, asPairs(want.Introductions), pairs("INTRODUCTION"), "introductions to make, in the API's order")
		assert.Equal(t, asPairs(want.Strengthen), pairs("STRENGTHEN"), "collaborations to strengthen, in the API's order")
		assert.Zero(t, eval[int](e, `document.querySelectorAll('[data-list=INTRODUCTION] li[data-kind=STRENGTHEN], [data-list=STRENGTHEN] li[data-kind=INTRODUCTION]').length`))
		e.axe("territory-synergies")
	})

	t.Run("crosswalk-and-partly", func(t *testing.T) {
		e.t = t
		for _, slug := range []string{"broekwijk", "stalingradwijk"} {
			var gaps struct {
				Gaps struct {
					MissingFunctions []struct{ ID string }
					CoveredFunctions []struct {
						Function struct{ ID string }
						Through  []struct{ ID string }
					}
					PartlyCoveredFunctions []struct{ Function struct{ ID string } }
					PartlyCoveredThemes    []struct{ Theme struct{ ID string } }
				}
			}
			require.Empty(t, e.gql("", `query($t: ID!) { gaps(territory: $t) { missingFunctions { id } coveredFunctions { function { id } through { id } }
				partlyCoveredFunctions { function { id } } partlyCoveredThemes { theme { id } } } }`, map[string]any{"t": "territory:" + slug}, &gaps))
			missing := map[string]bool{}
			for _, f := range gaps.Gaps.MissingFunctions {
				missing[f.ID] = true
			}
			wantThrough, wantPartly := []string{}, []string{}
			for _, c := range gaps.Gaps.CoveredFunctions {
				if len(c.Through) > 0 {
					wantThrough = append(wantThrough, c.Function.ID)
				}
			}
			for _, c := range gaps.Gaps.PartlyCoveredFunctions {
				if missing[c.Function.ID] {
					wantPartly = append(wantPartly, c.Function.ID)
				}
			}
			sort.Strings(wantThrough)
			sort.Strings(wantPartly)
			e.open("/territory/" + slug)
			assert.Equal(t, wantThrough, eval[[]string](e, `[...document.querySelectorAll('table.gap-matrix tr:has(.through)')].map(r => r.dataset.function).sort()`), slug+": covered through the crosswalk")
			assert.Equal(t, wantPartly, eval[[]string](e, `[...document.querySelectorAll('table.gap-matrix tr:has(.partly-covered)')].map(r => r.dataset.function).sort()`), slug+": gaps a partly present project works on")
			wantThemes := []string{}
			for _, c := range gaps.Gaps.PartlyCoveredThemes {
				wantThemes = append(wantThemes, "/theme/"+strings.TrimPrefix(c.Theme.ID, "theme:"))
			}
			sort.Strings(wantThemes)
			assert.Equal(t, wantThemes, eval[[]string](e, `[...document.querySelectorAll('[data-list=partly-themes] > li > a:first-child')].map(a => a.getAttribute('href')).sort()`), slug+": missing themes a partly present project works on")
			if slug == "stalingradwijk" {
				assert.NotEmpty(t, wantPartly, "BOOST's zones, each holding half of the Stalingradwijk, work on some of its gaps")
			}
			if slug == "broekwijk" {
				assert.NotEmpty(t, wantThrough, "BOOST's building block 5 covers VVSG's Toeleiding in the Broekwijk")
			}
			e.axe("territory-" + slug)
		}
	})

	t.Run("uninvolved", func(t *testing.T) {
		e.t = t
		editor := e.token(buurtnet.RoleEditor)
		var org struct{ CreateOrganisation struct{ ID string } }
		require.Empty(t, e.gql(editor, `mutation { createOrganisation(input: {name: {nl: "Jeugdhuis De Test"}, sectors: [YOUTH]}) { id } }`, nil, &org))
		require.Empty(t, e.gql(editor, `mutation($o: ID!) { link(input: {kind: LOCATED_IN, from: $o, to: "territory:brabantwijk"}) { kind } }`, map[string]any{"o": org.CreateOrganisation.ID}, nil))
		e.open("/territory/brabantwijk")
		got := e.text("[data-testid=uninvolved]")
		assert.Contains(t, got, "Jeugd", "by sector")
		assert.Contains(t, got, "Jeugdhuis De Test", "present, in no project here")
		e.axe("territory-uninvolved")
	})

	t.Run("programme", func(t *testing.T) {
		e.t = t
		e.open("/project/boost")
		assert.Equal(t, "/project/boost-programma", eval[string](e, `(() => { const dt = [...document.querySelectorAll('dl.facts dt')].find(d => d.textContent === 'Actiepakket van programma'); return dt ? new URL(dt.nextElementSibling.querySelector('a').href).pathname : '' })()`))
		e.open("/project/boost-programma")
		assert.Contains(t, eval[[]string](e, `[...document.querySelectorAll('dl.facts dd a')].map(a => new URL(a.href).pathname)`), "/project/boost", "the programme lists its action package")
		e.axe("project-programme")
	})
	e.t = t
}
