package server_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/server"
)

const boostPartners = `{ node(id: "project:boost") { ... on Project {
  partners { organisation { id name acronym } role } themes { id } } } }`

type partnersAnswer struct {
	Node struct {
		Partners []struct {
			Organisation struct{ ID, Name, Acronym string }
			Role         string
		}
		Themes []struct{ ID string }
	}
}

func (a partnersAnswer) acronyms() map[string]string {
	out := map[string]string{}
	for _, p := range a.Node.Partners {
		out[p.Organisation.ID] = p.Organisation.Acronym
	}
	return out
}

// TestReadCache checks that what one request read is reused by the next,
// and that a write — through the API or straight into the store, as
// another process would — is seen by the first request after it.
func TestReadCache(t *testing.T) {
	s := newDemoServer(t)
	ctx := context.Background()

	var first partnersAnswer
	s.mustDo(t, boostPartners, nil, &first)
	require.NotEmpty(t, first.Node.Partners)
	org := first.Node.Partners[0].Organisation.ID

	t.Run("ReadsOnce", func(t *testing.T) {
		nodes, links := s.store.nodes.Load(), s.store.links.Load()
		var again partnersAnswer
		s.mustDo(t, boostPartners, nil, &again)
		assert.Equal(t, first, again)
		assert.Equal(t, nodes, s.store.nodes.Load(), "entities read again")
		assert.Equal(t, links, s.store.links.Load(), "links read again")
	})

	t.Run("RevisionReadOncePerQuery", func(t *testing.T) {
		before := s.store.revisions.Load()
		var got struct {
			Overlaps []struct {
				Project struct{ ID, Name string }
				Places  []struct{ Territory struct{ Name string } }
			}
		}
		s.mustDo(t, `{ overlaps(project: "project:boost") { project { id name } places { territory { name } } } }`, nil, &got)
		require.NotEmpty(t, got.Overlaps)
		assert.Equal(t, int64(1), s.store.revisions.Load()-before)
	})

	t.Run("QuestionsReadThrough", func(t *testing.T) {
		// The lists of functions, themes and target groups and the
		// crosswalk are the same for every territory: the second gaps
		// report reads only the second territory's priorities.
		const gaps = `query($t: ID!) { gaps(territory: $t) { missingFunctions { name } } }`
		s.mustDo(t, gaps, map[string]any{"t": "territory:brabantwijk"}, nil)
		finds, links := s.store.finds.Load(), s.store.links.Load()
		s.mustDo(t, gaps, map[string]any{"t": "territory:broekwijk"}, nil)
		assert.Equal(t, finds, s.store.finds.Load(), "lists read again")
		assert.LessOrEqual(t, s.store.links.Load()-links, int64(1), "links read again")
	})

	t.Run("ListsReadOnce", func(t *testing.T) {
		const page = `{ projects(first: 3) { totalCount nodes { id website } } }`
		type answer struct {
			Projects struct {
				TotalCount int
				Nodes      []struct{ ID, Website string }
			}
		}
		var a, b, c answer
		s.mustDo(t, page, nil, &a)
		finds := s.store.finds.Load()
		s.mustDo(t, page, nil, &b)
		assert.Equal(t, a, b)
		assert.Equal(t, finds, s.store.finds.Load(), "the page was found again")

		require.NotEmpty(t, a.Projects.Nodes)
		first := a.Projects.Nodes[0].ID
		_, err := s.db.UpdateNode(ctx, first, func(n buurtnet.Node) error {
			n.(*buurtnet.Project).Website = "https://zzz.example"
			return nil
		})
		require.NoError(t, err)
		s.mustDo(t, page, nil, &c)
		assert.Equal(t, "https://zzz.example", c.Projects.Nodes[0].Website)
		assert.Equal(t, a.Projects.TotalCount, c.Projects.TotalCount)
	})

	t.Run("WriteByAnotherProcess", func(t *testing.T) {
		_, err := s.db.UpdateNode(ctx, org, func(n buurtnet.Node) error {
			n.(*buurtnet.Organisation).Acronym = "XYZ"
			return nil
		})
		require.NoError(t, err)
		var after partnersAnswer
		s.mustDo(t, boostPartners, nil, &after)
		assert.Equal(t, "XYZ", after.acronyms()[org])

		require.NoError(t, s.db.DeleteLink(ctx, buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: org, To: "project:boost"}))
		s.mustDo(t, boostPartners, nil, &after)
		assert.NotContains(t, after.acronyms(), org)
	})

	t.Run("MutationSeesItsOwnWrites", func(t *testing.T) {
		// The project's partners are read after both writes, in the same
		// request that read them before (ReadsOnce) under an older revision.
		var got struct {
			UpdateOrganisation struct{ ID string }
			Link               struct {
				To struct {
					Partners []struct {
						Organisation struct{ ID, Acronym string }
					}
				}
			}
		}
		s.mustDo(t, `mutation($org: ID!) {
  updateOrganisation(id: $org, patch: {acronym: "QRS"}) { id }
  link(input: {kind: PARTICIPATES_IN, from: $org, to: "project:boost", role: PARTNER}) {
    to { ... on Project { partners { organisation { id acronym } } } } } }`,
			map[string]any{"org": org}, &got)
		acronyms := map[string]string{}
		for _, p := range got.Link.To.Partners {
			acronyms[p.Organisation.ID] = p.Organisation.Acronym
		}
		assert.Equal(t, "QRS", acronyms[org])
	})
}

// TestStaleness checks that with a staleness the revision is read once for
// many requests, that the service's own writes are seen at once, and that
// a write by another process may be left out for as long as the
// staleness.
func TestStaleness(t *testing.T) {
	s := newDemoServerWith(t, func(cfg *server.Config) { cfg.Staleness = time.Hour })
	ctx := context.Background()

	var first partnersAnswer
	s.mustDo(t, boostPartners, nil, &first)
	require.NotEmpty(t, first.Node.Partners)
	org := first.Node.Partners[0].Organisation.ID

	before := s.store.revisions.Load()
	for range 5 {
		s.mustDo(t, boostPartners, nil, nil)
	}
	assert.Equal(t, before, s.store.revisions.Load(), "the revision read again within the staleness")

	s.mustDo(t, `mutation($org: ID!) { updateOrganisation(id: $org, patch: {acronym: "OWN"}) { id } }`, map[string]any{"org": org}, nil)
	var after partnersAnswer
	s.mustDo(t, boostPartners, nil, &after)
	assert.Equal(t, "OWN", after.acronyms()[org], "the service's own write")

	_, err := s.db.UpdateNode(ctx, org, func(n buurtnet.Node) error {
		n.(*buurtnet.Organisation).Acronym = "OTHER"
		return nil
	})
	require.NoError(t, err)
	s.mustDo(t, boostPartners, nil, &after)
	assert.Equal(t, "OWN", after.acronyms()[org], "another process's write, within the staleness")
}

// TestCachesUnderConcurrentWrites asks the same questions from several
// clients while an editor writes, with a staleness far longer than the
// test: every answer after a write sees it, for the writer and the
// others, since the writes go through this service. Run with -race.
func TestCachesUnderConcurrentWrites(t *testing.T) {
	s := newDemoServerWith(t, func(cfg *server.Config) { cfg.Staleness = time.Hour })
	const website = `{ node(id: "project:boost") { ... on Project { website } } }`
	type answer struct{ Node struct{ Website string } }
	read := func(t *testing.T) string {
		var a answer
		s.mustDo(t, website, nil, &a)
		return a.Node.Website
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				// assert, not require: these are not the test's goroutine.
				for _, q := range []string{website, boostPartners, `{ gaps(territory: "territory:brabantwijk") { missingFunctions { name } } }`} {
					assert.Empty(t, s.do(t, q, nil, nil))
				}
			}
		}()
	}
	for i := range 20 {
		want := fmt.Sprintf("https://boost-%d.example", i)
		s.mustDo(t, `mutation($w: String!) { updateProject(id: "project:boost", patch: {website: $w}) { id } }`, map[string]any{"w": want}, nil)
		require.Equal(t, want, read(t), "after write %d", i)
	}
	close(stop)
	wg.Wait()
}
