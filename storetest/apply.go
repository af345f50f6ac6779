package storetest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// reportView is an ApplyReport as comparable values: entity ids as they are,
// each link entry turned into its key, so that the suite does not fix how a
// store writes a link in a report (it must name the kind and both ends).
type reportView struct {
	Created, Updated []string
	Unchanged        int
}

func viewReport(t *testing.T, r *buurtnet.ApplyReport, links []buurtnet.LinkKey) reportView {
	t.Helper()
	require.NotNil(t, r)
	entry := func(s string) string {
		if buurtnet.KindOf(s) != "" && !strings.ContainsAny(s, " \t") {
			return s // an entity id
		}
		// A link: find the one key it names (kind, from and to all appear).
		var found []string
		for _, k := range links {
			if strings.Contains(s, string(k.Kind)) && containsWord(s, k.From) && containsWord(s, k.To) {
				found = append(found, keyString(k))
			}
		}
		require.Len(t, found, 1, "report entry %q must name exactly one link of the network", s)
		return found[0]
	}
	v := reportView{Unchanged: r.Unchanged, Created: []string{}, Updated: []string{}}
	for _, s := range r.Created {
		v.Created = append(v.Created, entry(s))
	}
	for _, s := range r.Updated {
		v.Updated = append(v.Updated, entry(s))
	}
	slices.Sort(v.Created)
	slices.Sort(v.Updated)
	return v
}

// containsWord reports whether id appears in s as a whole word (so that
// "org:a" is not found in "org:ab").
func containsWord(s, id string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], id)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(id)
		before := start == 0 || !isIDByte(s[start-1])
		after := end == len(s) || !isIDByte(s[end])
		if before && after {
			return true
		}
		i = start + 1
	}
}

func isIDByte(b byte) bool {
	return b == '-' || b == '_' || b == ':' || b == '.' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// networkKeys returns the (normalized) keys of n's links.
func networkKeys(n *buurtnet.Network) []buurtnet.LinkKey {
	var out []buurtnet.LinkKey
	for _, l := range n.Links {
		out = append(out, l.LinkKey.Normalized())
	}
	return out
}

// everything is the report entries of a network applied to an empty store:
// every entity id and every link key, sorted.
func everything(n *buurtnet.Network) []string {
	var out []string
	for _, node := range n.Nodes() {
		out = append(out, node.NodeID())
	}
	for _, k := range networkKeys(n) {
		out = append(out, keyString(k))
	}
	slices.Sort(out)
	return out
}

func apply(t *testing.T, s buurtnet.Store, n *buurtnet.Network, dry bool) (*buurtnet.ApplyReport, error) {
	t.Helper()
	return s.Apply(t.Context(), n, buurtnet.ApplyOptions{DryRun: dry})
}

// ------------------------------------------------------------- Apply

func testApply(t *testing.T, open Opener) {
	t.Run("Load", func(t *testing.T) {
		s := open(t)
		n := Fixture(t)
		r, err := apply(t, s, n, false)
		require.NoError(t, err)
		all := everything(Fixture(t))
		require.Len(t, all, fixtureEntities+fixtureLinks)
		assert.Equal(t, reportView{Created: all, Updated: []string{}, Unchanged: 0}, viewReport(t, r, networkKeys(Fixture(t))))
		// Stored as written, normalized.
		assert.Equal(t, fixtureNormalized(t), cleanNetwork(snapshot(t, s)))
		for _, node := range snapshot(t, s).Nodes() {
			requireStampsNew(t, buurtnet.Timestamps(node))
		}
	})

	t.Run("Again", func(t *testing.T) {
		// Applying the same network again changes nothing, not even a timestamp.
		s := loaded(t, open)
		before := snapshot(t, s)
		time.Sleep(tick)
		r, err := apply(t, s, Fixture(t), false)
		require.NoError(t, err)
		assert.Equal(t, reportView{Created: []string{}, Updated: []string{}, Unchanged: fixtureEntities + fixtureLinks}, viewReport(t, r, networkKeys(Fixture(t))))
		requireUnchanged(t, s, before)
	})

	// changed is the fixture with a few changes: two entities, one link
	// property, one new link.
	changed := func(t *testing.T) *buurtnet.Network {
		n := Fixture(t)
		for _, p := range n.Projects {
			switch p.ID {
			case "project:beta":
				p.Status = buurtnet.StatusImplementation
			case "project:alfa":
				// Contract: Apply replaces an entity whole; a field the file
				// leaves out is cleared.
				p.Website = ""
			}
		}
		for _, l := range n.Links {
			if l.Kind == buurtnet.LinkFunds && l.To == "project:beta" {
				l.Amount = money(130000)
			}
		}
		n.Links = append(n.Links, link(buurtnet.LinkAddresses, "project:beta", "theme:mentaal"))
		return n
	}
	wantChanged := reportView{
		Created:   []string{"ADDRESSES project:beta theme:mentaal"},
		Updated:   []string{"FUNDS funder:gewestfonds project:beta", "project:alfa", "project:beta"},
		Unchanged: fixtureEntities + fixtureLinks - 3,
	}

	t.Run("Updated", func(t *testing.T) {
		s := loaded(t, open)
		before := snapshot(t, s)
		time.Sleep(tick)
		r, err := apply(t, s, changed(t), false)
		require.NoError(t, err)
		assert.Equal(t, wantChanged, viewReport(t, r, networkKeys(changed(t))))

		after := snapshot(t, s)
		assert.Equal(t, normalized(t, changed(t)), cleanNetwork(after))
		assert.Equal(t, buurtnet.StatusImplementation, mustNode(t, s, "project:beta").(*buurtnet.Project).Status)
		assert.Empty(t, mustNode(t, s, "project:alfa").(*buurtnet.Project).Website)
		assert.Equal(t, money(130000), mustLinkOf(t, s, key(buurtnet.LinkFunds, "funder:gewestfonds", "project:beta")).Amount)
		// The changed ones have a new UpdatedAt and their old CreatedAt; the
		// new link is new; the rest kept their timestamps.
		b, a := stamped(before).Stamps, stamped(after).Stamps
		for id, st := range a {
			switch id {
			case "project:alfa", "project:beta", "FUNDS funder:gewestfonds project:beta":
				assert.Equal(t, b[id][0], st[0], "CreatedAt of %s", id)
				assert.Greater(t, st[1], b[id][1], "UpdatedAt of %s", id)
			case "ADDRESSES project:beta theme:mentaal":
				assert.Equal(t, st[0], st[1], id)
				assert.Greater(t, st[0], b["project:beta"][0], id)
			default:
				assert.Equal(t, b[id], st, "stamps of %s", id)
			}
		}
	})

	t.Run("StampsAreTheStores", func(t *testing.T) {
		// Contract: the timestamps a network carries (a snapshot of another
		// store) are ignored: what Apply creates is created now, what it
		// updates keeps its own CreatedAt.
		s := loaded(t, open)
		past := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
		stamp := buurtnet.Stamp{CreatedAt: past, UpdatedAt: past}
		beta := mustNode(t, s, "project:beta").(*buurtnet.Project)
		changedBeta := clean(beta).(*buurtnet.Project)
		changedBeta.Status, changedBeta.Stamp = buurtnet.StatusEnded, stamp
		l := link(buurtnet.LinkActiveIn, "project:nieuw", "territory:zuidwijk")
		l.Stamp = stamp
		n := &buurtnet.Network{
			Projects: []*buurtnet.Project{{ID: "project:nieuw", Name: buurtnet.Text{NL: "Nieuw"}, Stamp: stamp}, changedBeta},
			Links:    []*buurtnet.Link{l},
		}
		time.Sleep(tick)
		Load(t, s, n)
		created := mustNode(t, s, "project:nieuw")
		requireStampsNew(t, buurtnet.Timestamps(created))
		assert.True(t, buurtnet.Timestamps(created).CreatedAt.After(beta.CreatedAt), "created now, not in 2001")
		stored := mustLinkOf(t, s, l.LinkKey)
		requireStampsNew(t, stored.Stamp)
		assert.True(t, stored.CreatedAt.After(beta.CreatedAt), "created now, not in 2001")
		requireStampsUpdated(t, beta.Stamp, buurtnet.Timestamps(mustNode(t, s, "project:beta")))
	})

	t.Run("KeepsWhatItDoesNotList", func(t *testing.T) {
		// Apply adds and updates; it removes nothing.
		s := loaded(t, open)
		before := snapshot(t, s)
		n := &buurtnet.Network{
			Territories: []*buurtnet.Territory{{ID: "territory:nieuwbouw", Name: buurtnet.Text{NL: "Nieuwbouwwijk"}, Kind: buurtnet.TerritoryNeighbourhood}},
			Links:       []*buurtnet.Link{link(buurtnet.LinkPartOf, "territory:nieuwbouw", "territory:fictiestad")},
		}
		r, err := apply(t, s, n, false)
		require.NoError(t, err)
		assert.Equal(t, reportView{Created: []string{"PART_OF territory:nieuwbouw territory:fictiestad", "territory:nieuwbouw"}, Updated: []string{}},
			viewReport(t, r, networkKeys(n)))
		after := snapshot(t, s)
		assert.Len(t, after.Nodes(), fixtureEntities+1)
		assert.Len(t, after.Links, fixtureLinks+1)
		assert.Equal(t, stamped(before).Stamps["project:alfa"], stamped(after).Stamps["project:alfa"])
	})

	t.Run("DryRun", func(t *testing.T) {
		// A dry run reports what a real run would, and writes nothing.
		s := open(t)
		before := snapshot(t, s)
		dry, err := apply(t, s, Fixture(t), true)
		require.NoError(t, err)
		requireUnchanged(t, s, before)
		real, err := apply(t, s, Fixture(t), false)
		require.NoError(t, err)
		assert.Equal(t, viewReport(t, real, networkKeys(Fixture(t))), viewReport(t, dry, networkKeys(Fixture(t))))

		// And on a loaded store, with changes.
		before = snapshot(t, s)
		time.Sleep(tick)
		dry, err = apply(t, s, changed(t), true)
		require.NoError(t, err)
		assert.Equal(t, wantChanged, viewReport(t, dry, networkKeys(changed(t))))
		requireUnchanged(t, s, before)
		real, err = apply(t, s, changed(t), false)
		require.NoError(t, err)
		assert.Equal(t, viewReport(t, real, networkKeys(changed(t))), viewReport(t, dry, networkKeys(changed(t))))
	})

	t.Run("DryRunErrors", func(t *testing.T) {
		// A dry run refuses what a real run would refuse.
		s := loaded(t, open)
		before := snapshot(t, s)
		n := &buurtnet.Network{Links: []*buurtnet.Link{link(buurtnet.LinkPartOf, "territory:fictiestad", "territory:noord-a")}}
		_, err := apply(t, s, n, true)
		requireErr(t, err, buurtnet.ECONFLICT, "links[0]")
		requireUnchanged(t, s, before)
	})

	t.Run("Terms", func(t *testing.T) {
		// Terms get their kind from their section.
		s := open(t)
		Load(t, s, &buurtnet.Network{
			Themes:       []*buurtnet.Term{{ID: "theme:a", Name: buurtnet.Text{NL: "A"}}},
			TargetGroups: []*buurtnet.Term{{ID: "targetgroup:a", Name: buurtnet.Text{NL: "A"}}},
			Functions:    []*buurtnet.Term{{ID: "function:a", Name: buurtnet.Text{NL: "A"}, Framework: buurtnet.FrameworkVVSG, Number: 3}},
		})
		ns, err := s.Nodes(t.Context(), []string{"theme:a", "targetgroup:a", "function:a"})
		require.NoError(t, err)
		kinds := map[string]buurtnet.Kind{}
		for _, n := range ns {
			kinds[n.NodeID()] = n.NodeKind()
		}
		assert.Equal(t, map[string]buurtnet.Kind{"theme:a": buurtnet.KindTheme, "targetgroup:a": buurtnet.KindTargetGroup, "function:a": buurtnet.KindFunction}, kinds)
	})

	t.Run("LinksToStoredEntities", func(t *testing.T) {
		// A network may link to entities already stored.
		s := loaded(t, open)
		n := &buurtnet.Network{Links: []*buurtnet.Link{link(buurtnet.LinkTargets, "project:iota", "targetgroup:iedereen")}}
		Load(t, s, n)
		mustLinkOf(t, s, key(buurtnet.LinkTargets, "project:iota", "targetgroup:iedereen"))
	})

	// Refused networks: the code and field, and nothing of them written —
	// neither into an empty store nor next to what is stored.
	for _, tc := range []struct {
		name        string
		network     func(t *testing.T) *buurtnet.Network
		code, field string
	}{
		{"ErrPeriodEnd", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			n.Projects = append(n.Projects, &buurtnet.Project{ID: "project:bad", Name: buurtnet.Text{NL: "Slecht"}, Period: period("2022-01-01", "2021-01-01")})
			return n
		}, buurtnet.EINVALID, "project[project:bad].period.end"},
		{"ErrNameRequired", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			n.Organisations = append(n.Organisations, &buurtnet.Organisation{ID: "org:nameless"})
			return n
		}, buurtnet.EINVALID, "org[org:nameless].name"},
		{"ErrEnterpriseNumberInvalid", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			n.Organisations = append(n.Organisations, &buurtnet.Organisation{ID: "org:x", Name: buurtnet.Text{NL: "X"}, EnterpriseNumber: "0123.456.700"})
			return n
		}, buurtnet.EINVALID, "org[org:x].enterpriseNumber"},
		{"ErrLinkInvalid", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			l := link(buurtnet.LinkFunds, "funder:stadsfonds", "project:iota")
			l.Role = buurtnet.RolePartner
			n.Links = append(n.Links, l)
			return n
		}, buurtnet.EINVALID, "links[67].role"},
		{"ErrLinkPeriodEnd", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			l := link(buurtnet.LinkActiveIn, "project:iota", "territory:zuidwijk")
			l.Period = period("2021-01-01", "2020-01-01")
			n.Links = append(n.Links, l)
			return n
		}, buurtnet.EINVALID, "links[67].period.end"},
		{"ErrLinkEndNotFound", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			n.Links = append(n.Links, link(buurtnet.LinkActiveIn, "project:alfa", "territory:nowhere"))
			return n
		}, buurtnet.ENOTFOUND, "links[67]"},
		{"ErrDuplicateID", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			n.Territories = append(n.Territories, &buurtnet.Territory{ID: "territory:zuidwijk", Name: buurtnet.Text{NL: "Zuidwijk bis"}, Kind: buurtnet.TerritoryNeighbourhood})
			return n
		}, buurtnet.EINVALID, "territory:zuidwijk"},
		{"ErrDuplicateLink", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			n.Links = append(n.Links, link(buurtnet.LinkOverlaps, "territory:buurdorp", "territory:grenswijk")) // listed reversed above
			return n
		}, buurtnet.ECONFLICT, "links[67]"},
		{"ErrPartOfCycle", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			n.Links = append(n.Links, link(buurtnet.LinkPartOf, "territory:fictiestad", "territory:noord-a"))
			return n
		}, buurtnet.ECONFLICT, "links[67]"},
		{"ErrPartOfCycleDirect", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			n.Links = append(n.Links, link(buurtnet.LinkPartOf, "territory:zone-oost", "territory:markt-oost"))
			return n
		}, buurtnet.ECONFLICT, "links[67]"},
		{"ErrEnterpriseNumberTwice", func(t *testing.T) *buurtnet.Network {
			n := Fixture(t)
			n.Organisations = append(n.Organisations,
				&buurtnet.Organisation{ID: "org:x", Name: buurtnet.Text{NL: "X"}, EnterpriseNumber: kboC},
				&buurtnet.Organisation{ID: "org:y", Name: buurtnet.Text{NL: "Y"}, EnterpriseNumber: "BE0314159244"})
			return n
		}, buurtnet.ECONFLICT, "org[org:y].enterpriseNumber"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			before := snapshot(t, s)
			_, err := apply(t, s, tc.network(t), false)
			requireErr(t, err, tc.code, tc.field)
			requireUnchanged(t, s, before)
			_, err = apply(t, s, tc.network(t), true)
			requireErr(t, err, tc.code, tc.field)
			requireUnchanged(t, s, before)
		})
	}

	t.Run("ErrAgainstStored", func(t *testing.T) {
		// Errors that only the stored graph reveals.
		s := loaded(t, open)
		before := snapshot(t, s)
		for _, tc := range []struct {
			name        string
			n           *buurtnet.Network
			code, field string
		}{
			// A new territory and a cycle through stored PART_OF links: neither is written.
			{"PartOfCycle", &buurtnet.Network{
				Territories: []*buurtnet.Territory{{ID: "territory:nieuw", Name: buurtnet.Text{NL: "Nieuw"}, Kind: buurtnet.TerritorySite}},
				Links: []*buurtnet.Link{
					link(buurtnet.LinkPartOf, "territory:nieuw", "territory:noord-a"),
					link(buurtnet.LinkPartOf, "territory:fictiestad", "territory:nieuw"),
				}}, buurtnet.ECONFLICT, "links[1]"},
			// An end that is neither in the network nor stored.
			{"EndNotFound", &buurtnet.Network{
				Projects: []*buurtnet.Project{{ID: "project:nieuw", Name: buurtnet.Text{NL: "Nieuw"}}},
				Links:    []*buurtnet.Link{link(buurtnet.LinkActiveIn, "project:nieuw", "territory:nergens")},
			}, buurtnet.ENOTFOUND, "links[0]"},
			// An update of a stored organisation to a number another one has.
			{"EnterpriseNumberTaken", &buurtnet.Network{
				Organisations: []*buurtnet.Organisation{{ID: "org:kruid", Name: buurtnet.Text{NL: "Apotheek Het Kruid"}, EnterpriseNumber: kboB}},
			}, buurtnet.ECONFLICT, "org[org:kruid].enterpriseNumber"},
			// A change that breaks a stored entity.
			{"PeriodEnd", &buurtnet.Network{
				Projects: []*buurtnet.Project{{ID: "project:alfa", Name: buurtnet.Text{NL: "Alfa"}, Period: period("2020-01-01", "2019-01-01")}},
			}, buurtnet.EINVALID, "project[project:alfa].period.end"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				for _, dry := range []bool{true, false} {
					_, err := apply(t, s, tc.n, dry)
					requireErr(t, err, tc.code, tc.field)
					requireUnchanged(t, s, before)
				}
			})
		}
	})

	t.Run("EnterpriseNumber", func(t *testing.T) {
		// An organisation with a new id but a stored enterprise number (in any
		// notation) is the stored organisation: no duplicate, its links attach
		// to the stored id.
		s := loaded(t, open)
		stored := mustNode(t, s, "org:de-brug").(*buurtnet.Organisation)
		same := clean(stored).(*buurtnet.Organisation)
		same.ID, same.EnterpriseNumber = "org:brug-import", "BE 0123 456 749"
		n := &buurtnet.Network{
			Organisations: []*buurtnet.Organisation{same},
			Links: []*buurtnet.Link{
				link(buurtnet.LinkServes, "org:brug-import", "territory:zuidwijk"),
				link(buurtnet.LinkParticipatesIn, "org:brug-import", "project:beta"),
				link(buurtnet.LinkLocatedIn, "org:brug-import", "territory:noordwijk"), // already stored for org:de-brug
			},
		}
		resolved := []buurtnet.LinkKey{
			key(buurtnet.LinkServes, "org:de-brug", "territory:zuidwijk"),
			key(buurtnet.LinkParticipatesIn, "org:de-brug", "project:beta"),
			key(buurtnet.LinkLocatedIn, "org:de-brug", "territory:noordwijk"),
		}
		dry, err := apply(t, s, n, true)
		require.NoError(t, err)
		r, err := apply(t, s, n, false)
		require.NoError(t, err)
		want := reportView{
			Created:   []string{"PARTICIPATES_IN org:de-brug project:beta", "SERVES org:de-brug territory:zuidwijk"},
			Updated:   []string{},
			Unchanged: 2, // the organisation and its LOCATED_IN
		}
		assert.Equal(t, want, viewReport(t, r, resolved))
		assert.Equal(t, want, viewReport(t, dry, resolved))

		ns, err := s.Nodes(t.Context(), []string{"org:brug-import"})
		require.NoError(t, err)
		assert.Empty(t, ns, "no organisation under the new id")
		orgs, total, err := s.Find(t.Context(), buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, EnterpriseNumber: kboA})
		require.NoError(t, err)
		assert.Equal(t, 1, total)
		assert.Equal(t, []string{"org:de-brug"}, ids(orgs))
		assert.Equal(t, clean(stored), clean(mustNode(t, s, "org:de-brug")))
		mustLinkOf(t, s, key(buurtnet.LinkServes, "org:de-brug", "territory:zuidwijk"))
		mustLinkOf(t, s, key(buurtnet.LinkParticipatesIn, "org:de-brug", "project:beta"))
		ls, err := s.Links(t.Context(), buurtnet.LinkQuery{From: []string{"org:brug-import"}})
		require.NoError(t, err)
		assert.Empty(t, ls)
		assert.Len(t, snapshot(t, s).Organisations, 6)

		// With a change, the stored organisation is updated, under its own id.
		time.Sleep(tick)
		renamed := clean(stored).(*buurtnet.Organisation)
		renamed.ID, renamed.EnterpriseNumber = "org:brug-import", "0123456749"
		renamed.Name.NL = "Wijkhuis De Nieuwe Brug"
		r, err = apply(t, s, &buurtnet.Network{Organisations: []*buurtnet.Organisation{renamed}}, false)
		require.NoError(t, err)
		assert.Equal(t, reportView{Created: []string{}, Updated: []string{"org:de-brug"}}, viewReport(t, r, nil))
		got := mustNode(t, s, "org:de-brug").(*buurtnet.Organisation)
		assert.Equal(t, "Wijkhuis De Nieuwe Brug", got.Name.NL)
		assert.Equal(t, kboA, got.EnterpriseNumber)
		requireStampsUpdated(t, stored.Stamp, got.Stamp)
	})
}

// ------------------------------------------------------------- Snapshot

func testSnapshot(t *testing.T, open Opener) {
	t.Run("Empty", func(t *testing.T) {
		n := snapshot(t, open(t))
		assert.Empty(t, n.Nodes())
		assert.Empty(t, n.Links)
	})

	t.Run("Sorted", func(t *testing.T) {
		// Entities by id within their section, links by kind, from, to;
		// timestamps included.
		s := loaded(t, open)
		n := snapshot(t, s)
		assert.Equal(t, fixtureNormalized(t), cleanNetwork(n))
		assert.True(t, slices.IsSortedFunc(n.Links, func(a, b *buurtnet.Link) int { return compareKeys(a.LinkKey, b.LinkKey) }))
		for _, node := range n.Nodes() {
			requireStampsNew(t, buurtnet.Timestamps(node))
		}
		for _, l := range n.Links {
			requireStampsNew(t, l.Stamp)
		}
		for _, term := range n.Functions {
			assert.Equal(t, buurtnet.KindFunction, term.Kind)
		}
	})

	t.Run("RoundTrip", func(t *testing.T) {
		// The snapshot of one store, applied to an empty one, gives the same
		// snapshot (timestamps aside).
		a := loaded(t, open)
		org := sampleOrganisation()
		org.EnterpriseNumber = kboC // the fixture's De Brug has kboA
		mustCreate(t, a, org, sampleProject())
		l := link(buurtnet.LinkParticipatesIn, "org:sample", "project:sample")
		l.Level, l.Period = buurtnet.LevelConsult, period("2019-09-01", "")
		mustLink(t, a, l, link(buurtnet.LinkCollaboratesWith, "project:sample", "project:alfa"))
		_, err := a.UpdateNode(t.Context(), "project:iota", func(n buurtnet.Node) error {
			n.(*buurtnet.Project).Description = buurtnet.Text{EN: "Only an idea."}
			return nil
		})
		require.NoError(t, err)
		snapA := snapshot(t, a)

		b := open(t)
		r := Load(t, b, snapA)
		assert.Len(t, r.Created, fixtureEntities+fixtureLinks+4)
		assert.Equal(t, cleanNetwork(snapA), cleanNetwork(snapshot(t, b)))

		// And applied to itself, it changes nothing. (A fresh snapshot: Apply
		// may normalize and stamp the network it is given.)
		before := snapshot(t, a)
		time.Sleep(tick)
		r = Load(t, a, snapshot(t, a))
		assert.Empty(t, r.Created)
		assert.Empty(t, r.Updated)
		requireUnchanged(t, a, before)
	})
}
