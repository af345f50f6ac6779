package storetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// base creates one or two entities of every kind for the link tests.
func base(t *testing.T, s buurtnet.Store) {
	t.Helper()
	mustCreate(t, s,
		&buurtnet.Organisation{ID: "org:o1", Name: buurtnet.Text{NL: "O1"}},
		&buurtnet.Organisation{ID: "org:o2", Name: buurtnet.Text{NL: "O2"}},
		&buurtnet.Project{ID: "project:p1", Name: buurtnet.Text{NL: "P1"}},
		&buurtnet.Project{ID: "project:p2", Name: buurtnet.Text{NL: "P2"}},
		&buurtnet.Territory{ID: "territory:t1", Name: buurtnet.Text{NL: "T1"}, Kind: buurtnet.TerritoryStreet},
		&buurtnet.Territory{ID: "territory:t2", Name: buurtnet.Text{NL: "T2"}, Kind: buurtnet.TerritoryNeighbourhood},
		&buurtnet.Territory{ID: "territory:t3", Name: buurtnet.Text{NL: "T3"}, Kind: buurtnet.TerritoryMunicipality},
		&buurtnet.Territory{ID: "territory:t4", Name: buurtnet.Text{NL: "T4"}, Kind: buurtnet.TerritoryRegion},
		&buurtnet.Funder{ID: "funder:f1", Name: buurtnet.Text{NL: "F1"}},
		&buurtnet.Term{ID: "theme:th1", Kind: buurtnet.KindTheme, Name: buurtnet.Text{NL: "Th1"}},
		&buurtnet.Term{ID: "targetgroup:tg1", Kind: buurtnet.KindTargetGroup, Name: buurtnet.Text{NL: "Tg1"}},
		&buurtnet.Term{ID: "function:fn1", Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: "Fn1"}, Framework: buurtnet.FrameworkVVSG, Number: 2},
		&buurtnet.Term{ID: "function:fn2", Kind: buurtnet.KindFunction, Name: buurtnet.Text{NL: "Fn2"}, Framework: buurtnet.FrameworkCaringNeighbourhoods, Number: 4, Pillar: "B"},
		&buurtnet.Person{ID: "person:pe1", Name: "Pe1", Email: "pe1@example.org"},
		&buurtnet.Consultation{ID: "consultation:c1", Name: buurtnet.Text{NL: "C1"}},
		&buurtnet.Cycle{ID: "cycle:cy1", Name: buurtnet.Text{NL: "Cy1"}},
		&buurtnet.Meeting{ID: "meeting:m1", Name: buurtnet.Text{NL: "M1"}, Number: 1})
}

// sampleLinks has one link of every kind with every property it takes, and
// what the store must keep.
func sampleLinks() map[buurtnet.LinkKind]struct{ give, want *buurtnet.Link } {
	full := func(l *buurtnet.Link, f func(*buurtnet.Link)) *buurtnet.Link {
		l.Note, l.Source = "Verzonnen notitie", "storetest"
		if f != nil {
			f(l)
		}
		return l
	}
	same := func(kind buurtnet.LinkKind, from, to string, f func(*buurtnet.Link)) struct{ give, want *buurtnet.Link } {
		return struct{ give, want *buurtnet.Link }{full(link(kind, from, to), f), full(link(kind, from, to), f)}
	}
	out := map[buurtnet.LinkKind]struct{ give, want *buurtnet.Link }{
		buurtnet.LinkParticipatesIn: same(buurtnet.LinkParticipatesIn, "org:o1", "project:p1", func(l *buurtnet.Link) {
			l.Role, l.Level, l.Period = buurtnet.RoleCoordinator, buurtnet.LevelCoCreate, period("2020-01-01", "2020-12-31")
		}),
		buurtnet.LinkActiveIn: same(buurtnet.LinkActiveIn, "project:p1", "territory:t1", func(l *buurtnet.Link) {
			l.Coverage, l.Period = buurtnet.CoveragePart, period("2020-02-01", "")
		}),
		buurtnet.LinkFunds: same(buurtnet.LinkFunds, "funder:f1", "project:p1", func(l *buurtnet.Link) {
			l.Amount, l.Period = money(125000.50), period("", "2021-06-30")
		}),
		buurtnet.LinkPartOf:     same(buurtnet.LinkPartOf, "territory:t1", "territory:t2", nil),
		buurtnet.LinkAddresses:  same(buurtnet.LinkAddresses, "project:p1", "theme:th1", nil),
		buurtnet.LinkTargets:    same(buurtnet.LinkTargets, "project:p1", "targetgroup:tg1", nil),
		buurtnet.LinkWorksOn:    same(buurtnet.LinkWorksOn, "project:p1", "function:fn1", nil),
		buurtnet.LinkLocatedIn:  same(buurtnet.LinkLocatedIn, "org:o1", "territory:t1", nil),
		buurtnet.LinkServes:     same(buurtnet.LinkServes, "org:o1", "territory:t3", nil),
		buurtnet.LinkWorksAt:    same(buurtnet.LinkWorksAt, "person:pe1", "org:o1", nil),
		buurtnet.LinkContactFor: same(buurtnet.LinkContactFor, "person:pe1", "project:p1", nil),
		buurtnet.LinkOverlaps:   same(buurtnet.LinkOverlaps, "territory:t2", "territory:t3", nil),
		buurtnet.LinkAdjacentTo: same(buurtnet.LinkAdjacentTo, "territory:t3", "territory:t4", nil),
		buurtnet.LinkCollaboratesWith: same(buurtnet.LinkCollaboratesWith, "project:p1", "project:p2", func(l *buurtnet.Link) {
			l.Period = period("2021-01-01", "2021-12-31")
		}),
		buurtnet.LinkCorrespondsTo:   same(buurtnet.LinkCorrespondsTo, "function:fn1", "function:fn2", nil),
		buurtnet.LinkModerates:       same(buurtnet.LinkModerates, "org:o1", "consultation:c1", nil),
		buurtnet.LinkHeldIn:          same(buurtnet.LinkHeldIn, "consultation:c1", "territory:t3", nil),
		buurtnet.LinkCycleOf:         same(buurtnet.LinkCycleOf, "cycle:cy1", "consultation:c1", nil),
		buurtnet.LinkMemberOf:        same(buurtnet.LinkMemberOf, "org:o2", "cycle:cy1", nil),
		buurtnet.LinkContactIn:       same(buurtnet.LinkContactIn, "person:pe1", "cycle:cy1", nil),
		buurtnet.LinkMeetingOf:       same(buurtnet.LinkMeetingOf, "meeting:m1", "cycle:cy1", nil),
		buurtnet.LinkOnTheme:         same(buurtnet.LinkOnTheme, "meeting:m1", "theme:th1", nil),
		buurtnet.LinkConcerns:        same(buurtnet.LinkConcerns, "meeting:m1", "territory:t2", nil),
		buurtnet.LinkPartOfProgramme: same(buurtnet.LinkPartOfProgramme, "project:p1", "project:p2", nil),
		buurtnet.LinkPrioritises: same(buurtnet.LinkPrioritises, "territory:t2", "theme:th1", func(l *buurtnet.Link) {
			l.Period = period("2022-01-01", "2024-12-31")
		}),
		buurtnet.LinkPrioritisesGroup: same(buurtnet.LinkPrioritisesGroup, "territory:t2", "targetgroup:tg1", func(l *buurtnet.Link) {
			l.Period = period("2022-01-01", "")
		}),
	}
	return out
}

// ------------------------------------------------------------- CreateLink

func testCreateLink(t *testing.T, open Opener) {
	samples := sampleLinks()
	for _, kind := range buurtnet.LinkKinds {
		t.Run("OK/"+string(kind), func(t *testing.T) {
			tc, ok := samples[kind]
			require.True(t, ok, "no sample link of kind %s", kind)
			s := open(t)
			base(t, s)
			nodesBefore := snapshot(t, s)
			require.NoError(t, s.CreateLink(t.Context(), tc.give))

			ls, err := s.Links(t.Context(), buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{kind}})
			require.NoError(t, err)
			require.Len(t, ls, 1)
			assert.Equal(t, tc.want, cleanLink(ls[0]))
			requireStampsNew(t, ls[0].Stamp)
			// Linking changes no entity.
			after := snapshot(t, s)
			after.Links = nil
			require.Equal(t, stamped(nodesBefore), stamped(after))
		})
	}

	t.Run("DefaultRole", func(t *testing.T) {
		s := open(t)
		base(t, s)
		mustLink(t, s, link(buurtnet.LinkParticipatesIn, "org:o1", "project:p1"))
		assert.Equal(t, buurtnet.RolePartner, mustLinkOf(t, s, key(buurtnet.LinkParticipatesIn, "org:o1", "project:p1")).Role)
	})

	t.Run("DefaultCoverage", func(t *testing.T) {
		s := open(t)
		base(t, s)
		mustLink(t, s, link(buurtnet.LinkActiveIn, "project:p1", "territory:t1"))
		assert.Equal(t, buurtnet.CoverageWhole, mustLinkOf(t, s, key(buurtnet.LinkActiveIn, "project:p1", "territory:t1")).Coverage)
	})

	t.Run("ZeroAmount", func(t *testing.T) {
		// An amount known to be zero is not an unknown amount.
		s := open(t)
		base(t, s)
		l := link(buurtnet.LinkFunds, "funder:f1", "project:p1")
		l.Amount = money(0)
		mustLink(t, s, l)
		got := mustLinkOf(t, s, l.LinkKey)
		require.NotNil(t, got.Amount)
		assert.Equal(t, buurtnet.Money(0), *got.Amount)
	})

	t.Run("Symmetric", func(t *testing.T) {
		// A symmetric link given the other way round is stored from < to.
		s := open(t)
		base(t, s)
		mustLink(t, s,
			link(buurtnet.LinkOverlaps, "territory:t3", "territory:t2"),
			link(buurtnet.LinkAdjacentTo, "territory:t2", "territory:t1"),
			link(buurtnet.LinkCollaboratesWith, "project:p2", "project:p1"))
		assert.Equal(t, []string{
			"ADJACENT_TO territory:t1 territory:t2",
			"COLLABORATES_WITH project:p1 project:p2",
			"OVERLAPS territory:t2 territory:t3",
		}, keys(snapshot(t, s).Links))
	})

	t.Run("PartOfTwoParents", func(t *testing.T) {
		// A territory may be part of several others, and two paths to the same
		// ancestor are no cycle.
		s := open(t)
		base(t, s)
		mustLink(t, s,
			link(buurtnet.LinkPartOf, "territory:t1", "territory:t2"),
			link(buurtnet.LinkPartOf, "territory:t1", "territory:t3"),
			link(buurtnet.LinkPartOf, "territory:t2", "territory:t4"),
			link(buurtnet.LinkPartOf, "territory:t3", "territory:t4"))
		// And PART_OF alongside OVERLAPS or ADJACENT_TO between the same two is fine.
		mustLink(t, s, link(buurtnet.LinkAdjacentTo, "territory:t2", "territory:t3"), link(buurtnet.LinkOverlaps, "territory:t2", "territory:t3"))
	})

	t.Run("SameEndsOtherKind", func(t *testing.T) {
		// At most one link of a kind between two entities; other kinds are other links.
		s := open(t)
		base(t, s)
		mustLink(t, s,
			link(buurtnet.LinkLocatedIn, "org:o1", "territory:t1"),
			link(buurtnet.LinkServes, "org:o1", "territory:t1"))
	})

	for _, tc := range []struct {
		name        string
		link        func() *buurtnet.Link
		code, field string
	}{
		{"ErrKind", func() *buurtnet.Link { return link("KNOWS", "org:o1", "org:o2") }, buurtnet.EINVALID, "kind"},
		{"ErrFromKind", func() *buurtnet.Link { return link(buurtnet.LinkParticipatesIn, "project:p2", "project:p1") }, buurtnet.EINVALID, "from"},
		{"ErrToKind", func() *buurtnet.Link { return link(buurtnet.LinkParticipatesIn, "org:o1", "territory:t1") }, buurtnet.EINVALID, "to"},
		{"ErrFromNotFound", func() *buurtnet.Link { return link(buurtnet.LinkParticipatesIn, "org:ghost", "project:p1") }, buurtnet.ENOTFOUND, "from"},
		{"ErrToNotFound", func() *buurtnet.Link { return link(buurtnet.LinkActiveIn, "project:p1", "territory:ghost") }, buurtnet.ENOTFOUND, "to"},
		{"ErrSymmetricEndNotFound", func() *buurtnet.Link { return link(buurtnet.LinkOverlaps, "territory:t1", "territory:z-ghost") }, buurtnet.ENOTFOUND, "to"},
		{"ErrSelf", func() *buurtnet.Link { return link(buurtnet.LinkPartOf, "territory:t1", "territory:t1") }, buurtnet.EINVALID, "to"},
		{"ErrRoleNotAllowed", func() *buurtnet.Link {
			l := link(buurtnet.LinkFunds, "funder:f1", "project:p1")
			l.Role = buurtnet.RolePartner
			return l
		}, buurtnet.EINVALID, "role"},
		{"ErrLevelNotAllowed", func() *buurtnet.Link {
			l := link(buurtnet.LinkActiveIn, "project:p1", "territory:t1")
			l.Level = buurtnet.LevelInform
			return l
		}, buurtnet.EINVALID, "level"},
		{"ErrPeriodNotAllowed", func() *buurtnet.Link {
			l := link(buurtnet.LinkPartOf, "territory:t1", "territory:t4")
			l.Period = period("2020-01-01", "")
			return l
		}, buurtnet.EINVALID, "period"},
		{"ErrAmountNotAllowed", func() *buurtnet.Link {
			l := link(buurtnet.LinkParticipatesIn, "org:o2", "project:p1")
			l.Amount = money(10)
			return l
		}, buurtnet.EINVALID, "amount"},
		{"ErrCoverageNotAllowed", func() *buurtnet.Link {
			l := link(buurtnet.LinkServes, "org:o1", "territory:t1")
			l.Coverage = buurtnet.CoverageWhole
			return l
		}, buurtnet.EINVALID, "coverage"},
		{"ErrRole", func() *buurtnet.Link {
			l := link(buurtnet.LinkParticipatesIn, "org:o2", "project:p1")
			l.Role = "BOSS"
			return l
		}, buurtnet.EINVALID, "role"},
		{"ErrLevel", func() *buurtnet.Link {
			l := link(buurtnet.LinkParticipatesIn, "org:o2", "project:p1")
			l.Level = "MAYBE"
			return l
		}, buurtnet.EINVALID, "level"},
		{"ErrCoverage", func() *buurtnet.Link {
			l := link(buurtnet.LinkActiveIn, "project:p1", "territory:t1")
			l.Coverage = "HALF"
			return l
		}, buurtnet.EINVALID, "coverage"},
		{"ErrPeriodEnd", func() *buurtnet.Link {
			l := link(buurtnet.LinkActiveIn, "project:p1", "territory:t1")
			l.Period = period("2021-01-01", "2020-12-31")
			return l
		}, buurtnet.EINVALID, "period.end"},
		{"ErrDuplicate", func() *buurtnet.Link { return link(buurtnet.LinkParticipatesIn, "org:o1", "project:p1") }, buurtnet.ECONFLICT, "to"},
		{"ErrDuplicateWithOtherProperties", func() *buurtnet.Link {
			l := link(buurtnet.LinkParticipatesIn, "org:o1", "project:p1")
			l.Role, l.Level = buurtnet.RoleCoordinator, buurtnet.LevelCoDecide
			return l
		}, buurtnet.ECONFLICT, "to"},
		{"ErrDuplicateSymmetricReversed", func() *buurtnet.Link { return link(buurtnet.LinkOverlaps, "territory:t3", "territory:t2") }, buurtnet.ECONFLICT, "to"},
		{"ErrDuplicateCollaborationReversed", func() *buurtnet.Link { return link(buurtnet.LinkCollaboratesWith, "project:p2", "project:p1") }, buurtnet.ECONFLICT, "to"},
		// t1 is part of t2 (below): t2 part of t1 would make t1 part of itself.
		{"ErrPartOfSelfDirect", func() *buurtnet.Link { return link(buurtnet.LinkPartOf, "territory:t2", "territory:t1") }, buurtnet.ECONFLICT, "to"},
		// t1 ⊂ t2 ⊂ t3: t3 part of t1 closes the circle.
		{"ErrPartOfCycle", func() *buurtnet.Link { return link(buurtnet.LinkPartOf, "territory:t3", "territory:t1") }, buurtnet.ECONFLICT, "to"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			base(t, s)
			mustLink(t, s,
				link(buurtnet.LinkParticipatesIn, "org:o1", "project:p1"),
				link(buurtnet.LinkOverlaps, "territory:t2", "territory:t3"),
				link(buurtnet.LinkCollaboratesWith, "project:p1", "project:p2"),
				link(buurtnet.LinkPartOf, "territory:t1", "territory:t2"),
				link(buurtnet.LinkPartOf, "territory:t2", "territory:t3"))
			before := snapshot(t, s)
			requireErr(t, s.CreateLink(t.Context(), tc.link()), tc.code, tc.field)
			requireUnchanged(t, s, before)
		})
	}
}

// ------------------------------------------------------------- UpdateLink

func testUpdateLink(t *testing.T, open Opener) {
	setup := func(t *testing.T) buurtnet.Store {
		s := open(t)
		base(t, s)
		for _, tc := range sampleLinks() {
			mustLink(t, s, tc.give)
		}
		return s
	}

	t.Run("OK", func(t *testing.T) {
		// Only the given properties change.
		s := setup(t)
		k := key(buurtnet.LinkParticipatesIn, "org:o1", "project:p1")
		before := mustLinkOf(t, s, k)
		others := snapshot(t, s)
		time.Sleep(tick)
		got, err := s.UpdateLink(t.Context(), k, buurtnet.LinkUpdate{Level: ptr(buurtnet.LevelCoDecide), Note: ptr("Nieuwe notitie")})
		require.NoError(t, err)
		want := cleanLink(before)
		want.Level, want.Note = buurtnet.LevelCoDecide, "Nieuwe notitie"
		require.Equal(t, want, cleanLink(got))
		requireStampsUpdated(t, before.Stamp, got.Stamp)
		reread := mustLinkOf(t, s, k)
		require.Equal(t, want, cleanLink(reread))
		requireSameStamps(t, got.Stamp, reread.Stamp)
		// The other links and the entities are untouched.
		after := snapshot(t, s)
		wantStamps, gotStamps := stamped(others), stamped(after)
		delete(wantStamps.Stamps, keyString(k))
		delete(gotStamps.Stamps, keyString(k))
		require.Equal(t, wantStamps.Stamps, gotStamps.Stamps)
	})

	t.Run("EveryProperty", func(t *testing.T) {
		s := setup(t)
		for _, tc := range []struct {
			key  buurtnet.LinkKey
			u    buurtnet.LinkUpdate
			want func(*buurtnet.Link)
		}{
			{key(buurtnet.LinkParticipatesIn, "org:o1", "project:p1"),
				buurtnet.LinkUpdate{Role: ptr(buurtnet.RoleAssociate), Period: wholePeriod("2020-01-01", ""), Source: ptr("")},
				func(l *buurtnet.Link) {
					l.Role, l.Period, l.Source = buurtnet.RoleAssociate, period("2020-01-01", ""), ""
				}},
			{key(buurtnet.LinkFunds, "funder:f1", "project:p1"),
				buurtnet.LinkUpdate{Amount: money(99.99), Period: wholePeriod("", "")},
				func(l *buurtnet.Link) { l.Amount, l.Period = money(99.99), buurtnet.Period{} }},
			{key(buurtnet.LinkActiveIn, "project:p1", "territory:t1"),
				buurtnet.LinkUpdate{Coverage: ptr(buurtnet.CoverageWhole)},
				func(l *buurtnet.Link) { l.Coverage = buurtnet.CoverageWhole }},
			{key(buurtnet.LinkCollaboratesWith, "project:p1", "project:p2"),
				buurtnet.LinkUpdate{Period: wholePeriod("2021-01-01", "2022-12-31"), Note: ptr("")},
				func(l *buurtnet.Link) { l.Period, l.Note = period("2021-01-01", "2022-12-31"), "" }},
			{key(buurtnet.LinkPartOf, "territory:t1", "territory:t2"),
				buurtnet.LinkUpdate{Note: ptr("Sinds de fusie")},
				func(l *buurtnet.Link) { l.Note = "Sinds de fusie" }},
		} {
			before := mustLinkOf(t, s, tc.key)
			want := cleanLink(before)
			tc.want(want)
			got, err := s.UpdateLink(t.Context(), tc.key, tc.u)
			require.NoError(t, err, keyString(tc.key))
			assert.Equal(t, want, cleanLink(got), keyString(tc.key))
			assert.Equal(t, want, cleanLink(mustLinkOf(t, s, tc.key)), keyString(tc.key))
		}
	})

	t.Run("SymmetricReversedKey", func(t *testing.T) {
		// A symmetric link is found by its key either way round.
		s := setup(t)
		got, err := s.UpdateLink(t.Context(), key(buurtnet.LinkCollaboratesWith, "project:p2", "project:p1"), buurtnet.LinkUpdate{Note: ptr("Andersom")})
		require.NoError(t, err)
		assert.Equal(t, key(buurtnet.LinkCollaboratesWith, "project:p1", "project:p2"), got.LinkKey)
		assert.Equal(t, "Andersom", mustLinkOf(t, s, key(buurtnet.LinkCollaboratesWith, "project:p1", "project:p2")).Note)
	})

	for _, tc := range []struct {
		name        string
		key         buurtnet.LinkKey
		u           buurtnet.LinkUpdate
		code, field string
	}{
		// Contract: a link that does not exist names no field.
		{"ErrNotFound", key(buurtnet.LinkParticipatesIn, "org:o2", "project:p1"), buurtnet.LinkUpdate{Note: ptr("x")}, buurtnet.ENOTFOUND, ""},
		{"ErrNotFoundOtherKind", key(buurtnet.LinkServes, "org:o1", "territory:t1"), buurtnet.LinkUpdate{Note: ptr("x")}, buurtnet.ENOTFOUND, ""},
		{"ErrRoleNotAllowed", key(buurtnet.LinkFunds, "funder:f1", "project:p1"), buurtnet.LinkUpdate{Role: ptr(buurtnet.RolePartner)}, buurtnet.EINVALID, "role"},
		{"ErrCoverageNotAllowed", key(buurtnet.LinkParticipatesIn, "org:o1", "project:p1"), buurtnet.LinkUpdate{Coverage: ptr(buurtnet.CoveragePart)}, buurtnet.EINVALID, "coverage"},
		{"ErrPeriodNotAllowed", key(buurtnet.LinkOverlaps, "territory:t2", "territory:t3"), buurtnet.LinkUpdate{Period: wholePeriod("2020-01-01", "")}, buurtnet.EINVALID, "period"},
		{"ErrLevel", key(buurtnet.LinkParticipatesIn, "org:o1", "project:p1"), buurtnet.LinkUpdate{Level: ptr(buurtnet.StakeholderLevel("MAYBE")), Note: ptr("x")}, buurtnet.EINVALID, "level"},
		{"ErrPeriodEnd", key(buurtnet.LinkActiveIn, "project:p1", "territory:t1"), buurtnet.LinkUpdate{Period: wholePeriod("2020-02-01", "2020-01-31")}, buurtnet.EINVALID, "period.end"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := setup(t)
			before := snapshot(t, s)
			time.Sleep(tick)
			_, err := s.UpdateLink(t.Context(), tc.key, tc.u)
			requireErr(t, err, tc.code, tc.field)
			requireUnchanged(t, s, before)
		})
	}
}

// ------------------------------------------------------------- DeleteLink

func testDeleteLink(t *testing.T, open Opener) {
	setup := func(t *testing.T) buurtnet.Store {
		s := open(t)
		base(t, s)
		for _, tc := range sampleLinks() {
			mustLink(t, s, tc.give)
		}
		return s
	}

	t.Run("OK", func(t *testing.T) {
		s := setup(t)
		before := snapshot(t, s)
		require.NoError(t, s.DeleteLink(t.Context(), key(buurtnet.LinkFunds, "funder:f1", "project:p1")))
		after := snapshot(t, s)
		assert.Len(t, after.Links, len(before.Links)-1)
		assert.NotContains(t, keys(after.Links), "FUNDS funder:f1 project:p1")
		// The ends stay.
		assert.Equal(t, stamped(&buurtnet.Network{Projects: before.Projects, Funders: before.Funders}),
			stamped(&buurtnet.Network{Projects: after.Projects, Funders: after.Funders}))
		// And can be linked again.
		mustLink(t, s, link(buurtnet.LinkFunds, "funder:f1", "project:p1"))
	})

	t.Run("SymmetricReversedKey", func(t *testing.T) {
		s := setup(t)
		require.NoError(t, s.DeleteLink(t.Context(), key(buurtnet.LinkAdjacentTo, "territory:t4", "territory:t3")))
		assert.NotContains(t, keys(snapshot(t, s).Links), "ADJACENT_TO territory:t3 territory:t4")
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		s := setup(t)
		before := snapshot(t, s)
		requireErr(t, s.DeleteLink(t.Context(), key(buurtnet.LinkPartOf, "territory:t2", "territory:t1")), buurtnet.ENOTFOUND, "")
		requireErr(t, s.DeleteLink(t.Context(), key(buurtnet.LinkFunds, "funder:f1", "project:p2")), buurtnet.ENOTFOUND, "")
		requireUnchanged(t, s, before)
	})
}

// ------------------------------------------------------------- Links

func testLinks(t *testing.T, open Opener) {
	s := loaded(t, open)
	want := fixtureNormalized(t).Links

	query := func(t *testing.T, q buurtnet.LinkQuery) []string {
		t.Helper()
		ls, err := s.Links(t.Context(), q)
		require.NoError(t, err)
		return keys(ls)
	}

	t.Run("All", func(t *testing.T) {
		ls, err := s.Links(t.Context(), buurtnet.LinkQuery{})
		require.NoError(t, err)
		require.Len(t, ls, fixtureLinks)
		// Ordered by kind, from, to, every property as loaded.
		assert.Equal(t, want, cleanLinks(ls))
		for _, l := range ls {
			requireStampsNew(t, l.Stamp)
		}
	})

	t.Run("Kinds", func(t *testing.T) {
		assert.Equal(t, []string{
			"ADJACENT_TO territory:buurdorp territory:zuidwijk",
			"OVERLAPS territory:buurdorp territory:grenswijk",
		}, query(t, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkOverlaps, buurtnet.LinkAdjacentTo}}))
		assert.Len(t, query(t, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkPartOf}}), 10)
	})

	t.Run("From", func(t *testing.T) {
		assert.Equal(t, []string{
			"ACTIVE_IN project:alfa territory:marktwijk",
			"ACTIVE_IN project:alfa territory:noordwijk",
			"ADDRESSES project:alfa theme:isolement",
			"ADDRESSES project:alfa theme:mentaal",
			"TARGETS project:alfa targetgroup:ouderen",
			"WORKS_ON project:alfa function:vvsg-2",
		}, query(t, buurtnet.LinkQuery{From: []string{"project:alfa"}}))
		assert.Equal(t, []string{
			"ACTIVE_IN project:alfa territory:marktwijk",
			"ACTIVE_IN project:alfa territory:noordwijk",
			"ACTIVE_IN project:gamma territory:zone-oost",
		}, query(t, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkActiveIn}, From: []string{"project:gamma", "project:alfa"}}))
	})

	t.Run("To", func(t *testing.T) {
		// Ordered by kind as a string: FUNDS before PARTICIPATES_IN.
		assert.Equal(t, []string{
			"FUNDS funder:stadsfonds project:alfa",
			"PARTICIPATES_IN org:de-brug project:alfa",
			"PARTICIPATES_IN org:kruid project:alfa",
			"PARTICIPATES_IN org:mutualiteit project:alfa",
		}, query(t, buurtnet.LinkQuery{To: []string{"project:alfa"}}))
		assert.Equal(t, []string{
			"LOCATED_IN org:de-brug territory:noordwijk",
			"SERVES org:kruid territory:marktwijk",
		}, query(t, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkLocatedIn, buurtnet.LinkServes}, To: []string{"territory:noordwijk", "territory:marktwijk"}}))
	})

	t.Run("FromAndTo", func(t *testing.T) {
		assert.Equal(t, []string{"PARTICIPATES_IN org:de-brug project:gamma"},
			query(t, buurtnet.LinkQuery{From: []string{"org:de-brug"}, To: []string{"project:gamma"}}))
		assert.Empty(t, query(t, buurtnet.LinkQuery{From: []string{"org:kruid"}, To: []string{"project:gamma"}}))
	})

	t.Run("SymmetricByEitherEnd", func(t *testing.T) {
		// Stored buurdorp ↔ grenswijk; found from either end, returned as stored.
		for _, from := range []string{"territory:grenswijk", "territory:buurdorp"} {
			assert.Equal(t, []string{"OVERLAPS territory:buurdorp territory:grenswijk"},
				query(t, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkOverlaps}, From: []string{from}}), from)
		}
		for _, from := range []string{"project:zeta", "project:eta"} {
			assert.Equal(t, []string{"COLLABORATES_WITH project:eta project:zeta"},
				query(t, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkCollaboratesWith}, From: []string{from}}), from)
		}
		// Without kinds, both the directed links from zeta and the symmetric one.
		assert.Equal(t, []string{
			"ACTIVE_IN project:zeta territory:grenswijk",
			"ADDRESSES project:zeta theme:mentaal",
			"COLLABORATES_WITH project:eta project:zeta",
			"TARGETS project:zeta targetgroup:ouderen",
			"WORKS_ON project:zeta function:zb-4",
		}, query(t, buurtnet.LinkQuery{From: []string{"project:zeta"}}))
		// Directed links are not matched backwards.
		assert.Empty(t, query(t, buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{buurtnet.LinkPartOf}, From: []string{"territory:fictiestad"}}))
	})

	t.Run("Unknown", func(t *testing.T) {
		assert.Empty(t, query(t, buurtnet.LinkQuery{From: []string{"project:nope"}}))
		assert.Empty(t, query(t, buurtnet.LinkQuery{To: []string{"org:de-brug"}}))
	})

	t.Run("ErrKind", func(t *testing.T) {
		// Contract: a kind of link that does not exist is refused, not ignored.
		_, err := s.Links(t.Context(), buurtnet.LinkQuery{Kinds: []buurtnet.LinkKind{"KNOWS"}})
		requireErr(t, err, buurtnet.EINVALID, "kinds")
	})
}

// ------------------------------------------------------------- TerritoryGraph

func testTerritoryGraph(t *testing.T, open Opener) {
	t.Run("Empty", func(t *testing.T) {
		g, err := open(t).TerritoryGraph(t.Context())
		require.NoError(t, err)
		require.NotNil(t, g)
		_, ok := g.Relate("territory:a", "territory:b")
		assert.False(t, ok)
		assert.Equal(t, map[string]bool{"territory:a": true}, g.Descendants("territory:a"))
	})

	s := loaded(t, open)
	g, err := s.TerritoryGraph(t.Context())
	require.NoError(t, err)
	require.NotNil(t, g)

	t.Run("Nesting", func(t *testing.T) {
		assert.Equal(t, set("territory:markt-oost", "territory:marktwijk", "territory:zone-oost", "territory:fictiestad"), g.Ancestors("territory:markt-oost"))
		assert.Equal(t, set("territory:fictiestad", "territory:noordwijk", "territory:noord-a", "territory:marktwijk", "territory:markt-oost",
			"territory:zone-oost", "territory:grenswijk", "territory:zuidwijk", "territory:fictiestad-kerkstraat"), g.Descendants("territory:fictiestad"))
		assert.Equal(t, set("territory:buurdorp", "territory:buurdorp-kerkstraat"), g.Descendants("territory:buurdorp"))
	})

	t.Run("Relate", func(t *testing.T) {
		for _, tc := range []struct {
			a, b string
			want buurtnet.Spatial // "" for no shared ground
		}{
			{"territory:noordwijk", "territory:noordwijk", buurtnet.SpatialSame},
			{"territory:fictiestad", "territory:noord-a", buurtnet.SpatialContains},
			{"territory:noord-a", "territory:noordwijk", buurtnet.SpatialWithin},
			{"territory:zone-oost", "territory:markt-oost", buurtnet.SpatialContains},
			{"territory:marktwijk", "territory:zone-oost", buurtnet.SpatialPartial},  // share Marktwijk-Oost
			{"territory:grenswijk", "territory:buurdorp", buurtnet.SpatialPartial},   // OVERLAPS
			{"territory:buurdorp", "territory:grenswijk", buurtnet.SpatialPartial},   // either way round
			{"territory:fictiestad", "territory:buurdorp", buurtnet.SpatialPartial},  // contains Grenswijk
			{"territory:zuidwijk", "territory:buurdorp", ""},                         // ADJACENT_TO shares no ground
			{"territory:noordwijk", "territory:marktwijk", ""},                       // siblings
			{"territory:buurdorp-kerkstraat", "territory:grenswijk", ""},             // an overlapping ancestor says nothing
			{"territory:fictiestad-kerkstraat", "territory:buurdorp-kerkstraat", ""}, // same name, other place
		} {
			got, ok := g.Relate(tc.a, tc.b)
			assert.Equal(t, tc.want != "", ok, "%s ~ %s", tc.a, tc.b)
			assert.Equal(t, tc.want, got, "%s ~ %s", tc.a, tc.b)
		}
	})

	t.Run("Related", func(t *testing.T) {
		assert.Equal(t, []string{"territory:fictiestad", "territory:noord-a", "territory:noordwijk"}, g.Related("territory:noordwijk"))
		assert.Equal(t, []string{"territory:buurdorp", "territory:buurdorp-kerkstraat", "territory:fictiestad", "territory:grenswijk"}, g.Related("territory:buurdorp"))
	})

	t.Run("Fresh", func(t *testing.T) {
		// The graph is read at the time of the call, not cached from before a write.
		s := loaded(t, open)
		mustLink(t, s, link(buurtnet.LinkOverlaps, "territory:zuidwijk", "territory:buurdorp-kerkstraat"))
		g, err := s.TerritoryGraph(t.Context())
		require.NoError(t, err)
		rel, ok := g.Relate("territory:zuidwijk", "territory:buurdorp")
		assert.True(t, ok)
		assert.Equal(t, buurtnet.SpatialPartial, rel)
		require.NoError(t, s.DeleteNode(t.Context(), "territory:markt-oost"))
		g, err = s.TerritoryGraph(t.Context())
		require.NoError(t, err)
		_, ok = g.Relate("territory:marktwijk", "territory:zone-oost")
		assert.False(t, ok)
	})
}

func set(xs ...string) map[string]bool {
	out := map[string]bool{}
	for _, x := range xs {
		out[x] = true
	}
	return out
}
