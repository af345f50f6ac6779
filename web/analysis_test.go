package web_test

import (
	"fmt"
	"sort"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type named struct{ ID, Name string }

func idsOf(ns []named) []string {
	out := []string{}
	for _, n := range ns {
		out = append(out, n.ID)
	}
	sort.Strings(out)
	return out
}

// The territory page's network section shows what the API answers: the
// brokers in its order with its sentences, the clusters, the isolated and
// peripheral projects, the absent organisations and the bridges.
func TestExplorerNetworkAnalysis(t *testing.T) {
	e := newExplorer(t)
	for _, territory := range []string{"brabantwijk", "brussels-region"} {
		id := "territory:" + territory
		var want struct {
			Brokers []struct {
				Organisation named
				Figures      []struct{ Message string }
			}
			Clusters struct {
				Clusters []struct {
					Members  []named
					Unlinked bool
				}
			}
			Isolation struct{ IsolatedProjects, PeripheralProjects, AbsentOrganisations []named }
			Language  struct{ Projects, Organisations []struct{ Node named } }
			Health    struct{ Projects, Organisations []struct{ Node named } }
		}
		require.Empty(t, e.gql("", `query($t: ID!) {
			brokers(territory: $t, first: 10) { organisation { id } figures { message(lang: NL) } }
			clusters(territory: $t) { clusters { members { id } unlinked } }
			isolation(territory: $t) { isolatedProjects { id } peripheralProjects { id } absentOrganisations { id } }
			language: bridges(territory: $t, across: LANGUAGE) { projects { node { id } } organisations { node { id } } }
			health: bridges(territory: $t, across: HEALTH_WELFARE) { projects { node { id } } organisations { node { id } } } }`,
			map[string]any{"t": id}, &want))

		for _, width := range []int64{1280, 390} {
			t.Run(fmt.Sprintf("%s-%d", territory, width), func(t *testing.T) {
				e.t = t
				e.do(chromedp.EmulateViewport(width, 900))
				e.open("/territory/" + territory)
				assert.Equal(t, 0, eval[int](e, `document.querySelectorAll('.analysis-refused').length`), "the demo network is small enough for every question")

				var brokers, sentences []string
				for _, b := range want.Brokers {
					brokers = append(brokers, b.Organisation.ID)
					for _, f := range b.Figures {
						sentences = append(sentences, f.Message)
					}
				}
				require.NotEmpty(t, brokers, "the demo network has brokers in %s", territory)
				assert.Equal(t, brokers, eval[[]string](e, `[...document.querySelectorAll('li.broker')].map(li => li.dataset.organisation)`), "brokers in the API's order")
				assert.Equal(t, sentences, eval[[]string](e, `[...document.querySelectorAll('li.broker li[data-figure]')].map(li => li.textContent)`), "each figure with its sentence")
				assert.Equal(t, "/organisation/"+brokers[0][len("org:"):], eval[string](e, `new URL(document.querySelector('li.broker h4 a').href).pathname`), "a broker links to its page")

				var unlinked []bool
				var members [][]string
				for _, c := range want.Clusters.Clusters {
					unlinked = append(unlinked, c.Unlinked)
					members = append(members, idsOf(c.Members))
				}
				assert.Equal(t, unlinked, eval[[]bool](e, `[...document.querySelectorAll('li.cluster')].map(li => li.dataset.unlinked === 'true')`))
				assert.Equal(t, members, eval[[][]string](e, `[...document.querySelectorAll('li.cluster')].map(li =>
					[...li.querySelectorAll('.members a')].map(a => 'org:' + decodeURIComponent(new URL(a.href).pathname.split('/')[2])).sort())`))

				listed := func(list, kind string) []string {
					return eval[[]string](e, fmt.Sprintf(`[...document.querySelectorAll('[data-list=%s] a')].map(a => '%s:' + decodeURIComponent(new URL(a.href).pathname.split('/')[2])).sort()`, list, kind))
				}
				assert.Equal(t, idsOf(want.Isolation.IsolatedProjects), listed("isolated", "project"))
				assert.Equal(t, idsOf(want.Isolation.PeripheralProjects), listed("peripheral", "project"))
				assert.Equal(t, idsOf(want.Isolation.AbsentOrganisations), listed("absent", "org"))

				for across, r := range map[string]struct{ Projects, Organisations []struct{ Node named } }{"LANGUAGE": want.Language, "HEALTH_WELFARE": want.Health} {
					for kind, bs := range map[string][]struct{ Node named }{"projects": r.Projects, "organisations": r.Organisations} {
						var ids []string
						for _, b := range bs {
							ids = append(ids, b.Node.ID)
						}
						got := eval[[]string](e, fmt.Sprintf(`[...document.querySelectorAll('[data-across=%s] [data-bridges=%s] tbody tr td:first-child a')].map(a => new URL(a.href).pathname)`, across, kind))
						require.Len(t, got, len(ids), "%s bridges across %s", kind, across)
						for i, id := range ids {
							assert.Equal(t, pathOf(id), got[i])
						}
					}
				}
				e.noOverflow("network-analysis-" + territory)
				e.axe("network-analysis-" + territory)
				e.shotOf(`[data-part="net.title"]`, fmt.Sprintf("network-analysis-%s-%d", territory, width))
			})
		}
	}
	e.t = t
	e.do(chromedp.EmulateViewport(1280, 900))

	// The language line in Brussels: BOOST is where Dutch- and
	// French-speaking partners meet.
	e.open("/territory/brabantwijk")
	assert.Contains(t, eval[[]string](e, `[...document.querySelectorAll('[data-across=LANGUAGE] [data-bridges=projects] tbody a')].map(a => new URL(a.href).pathname)`), "/project/boost")

	// The chosen day reaches the questions: long before most demo projects
	// began, fewer organisations connect anything.
	brokersOn := func(on any) []string {
		var r struct {
			Brokers []struct{ Organisation named }
		}
		require.Empty(t, e.gql("", `query($on: Date) { brokers(territory: "territory:brabantwijk", on: $on, first: 10) { organisation { id } } }`, map[string]any{"on": on}, &r))
		out := []string{}
		for _, b := range r.Brokers {
			out = append(out, b.Organisation.ID)
		}
		return out
	}
	early := brokersOn("1990-01-01")
	require.Less(t, len(early), len(brokersOn(nil)), "the day changes the answer")
	e.open("/territory/brabantwijk?on=1990-01-01")
	assert.Equal(t, early, eval[[]string](e, `[...document.querySelectorAll('li.broker')].map(li => li.dataset.organisation)`))
}

func pathOf(id string) string {
	kinds := map[string]string{"org": "organisation", "project": "project"}
	for i := range id {
		if id[i] == ':' {
			return "/" + kinds[id[:i]] + "/" + id[i+1:]
		}
	}
	return id
}

// The introductions form of an organisation page: search another
// organisation, choose it, and read the API's chains, each step a link.
func TestExplorerIntroductions(t *testing.T) {
	e := newExplorer(t)
	var orgs struct {
		Organisations struct{ Nodes []named }
	}
	require.Empty(t, e.gql("", `{ organisations(filter: {search: "kenniscentrum"}, first: 1) { nodes { id name(lang: NL) } } }`, nil, &orgs))
	require.NotEmpty(t, orgs.Organisations.Nodes)
	other := orgs.Organisations.Nodes[0]
	var want struct {
		Introductions []struct{ Chain []struct{ ID string } }
	}
	require.Empty(t, e.gql("", `query($to: ID!) { introductions(from: "org:brusano", to: $to, maxLength: 3, first: 5) { chain { id } } }`, map[string]any{"to": other.ID}, &want))
	require.NotEmpty(t, want.Introductions, "Brusano and %s share a project in the demo network", other.ID)

	e.open("/organisation/brusano")
	e.do(chromedp.SetValue(chromedp.CSS("#intro-q"), "kenniscentrum"))
	e.click(`form.introductions-form button[type=submit]`)
	e.wait(fmt.Sprintf(`document.querySelector('.intro-candidates button[data-organisation=%q]') !== null`, other.ID))
	e.click(fmt.Sprintf(`.intro-candidates button[data-organisation=%q]`, other.ID))
	e.wait(`document.querySelector('ol.introductions') !== null`)
	got := eval[[][]string](e, `[...document.querySelectorAll('ol.introductions li.chain')].map(li => [...li.querySelectorAll('.step a')].map(a => new URL(a.href).pathname))`)
	require.Len(t, got, len(want.Introductions))
	for i, in := range want.Introductions {
		var path []string
		for _, n := range in.Chain {
			path = append(path, pathOf(n.ID))
		}
		assert.Equal(t, path, got[i], "chain %d", i)
	}
	e.axe("introductions")
	e.shotOf(`[data-part="intro.title"]`, "introductions")

}
