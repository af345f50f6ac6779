package briefing_test

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

func TestBuildErrors(t *testing.T) {
	db := demoStore(t)
	for _, c := range []struct {
		name        string
		scope       briefing.Scope
		code, field string
	}{
		{"ErrTerritoryRequired", briefing.Scope{}, buurtnet.EINVALID, "territory"},
		{"ErrTerritoryWrongKind", briefing.Scope{Territory: "org:brusano"}, buurtnet.EINVALID, "territory"},
		{"ErrTerritoryNotFound", briefing.Scope{Territory: "territory:atlantis"}, buurtnet.ENOTFOUND, "territory"},
		{"ErrThemeNotFound", briefing.Scope{Territory: "brabantwijk", Theme: "theme:nothing"}, buurtnet.ENOTFOUND, "theme"},
		{"ErrLang", briefing.Scope{Territory: "brabantwijk", Lang: "de"}, buurtnet.EINVALID, "lang"},
		{"ErrSinceAfterOn", briefing.Scope{Territory: "brabantwijk", On: date("2021-01-01"), Since: date("2021-02-01")}, buurtnet.EINVALID, "since"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := briefing.Build(context.Background(), db, c.scope)
			require.Error(t, err)
			assert.Equal(t, c.code, buurtnet.ErrorCode(err), err.Error())
			assert.Equal(t, c.field, buurtnet.ErrorField(err))
		})
	}
}

func TestBuildBrabantwijk(t *testing.T) {
	db := demoStore(t)
	b, err := briefing.Build(context.Background(), db, briefing.Scope{Territory: "brabantwijk", Lang: buurtnet.FR, Today: today})
	require.NoError(t, err)

	assert.Equal(t, briefing.Ref{ID: "territory:brabantwijk", Name: "Quartier Brabant"}, b.Territory)
	// The Overleg buurtprojecten is a consultation, not a project working in
	// the whole region: it is not in a territory's briefing.
	assert.Equal(t, []string{"project:boost", "project:citisen"}, projectIDs(b))
	require.Len(t, b.Funding, 1)
	assert.Equal(t, "funder:ggc", b.Funding[0].Funder.ID)
	assert.Equal(t, buurtnet.FunderCommunityCommission, b.Funding[0].Level, "the GGC is a community commission, not a Community")

	var brusano *briefing.Participant
	for i := range b.Participants {
		if b.Participants[i].ID == "org:brusano" {
			brusano = &b.Participants[i]
		}
	}
	require.NotNil(t, brusano, "Brusano coordinates BOOST")
	require.Len(t, brusano.Roles, 1, "BOOST; moderating the Overleg is no project role")
	assert.Equal(t, buurtnet.RoleCoordinator, brusano.Roles[0].Role)
	assert.Equal(t, buurtnet.LevelCoDecide, brusano.Roles[0].Level)
	assert.Equal(t, []briefing.Ref{{ID: "org:brusano", Name: "Brusano"}}, b.Projects[0].Coordinators)
	assert.Empty(t, b.Changes, "no previous meeting given")
	assert.NotNil(t, b.Changes, "an empty list, not null, in JSON")
}

func TestBuildTheme(t *testing.T) {
	db := demoStore(t)
	b, err := briefing.Build(context.Background(), db, briefing.Scope{Territory: "brussels-region", Theme: "vroegdetectie", Today: today})
	require.NoError(t, err)
	assert.Equal(t, "theme:vroegdetectie", b.Theme.ID)
	require.NotEmpty(t, b.Projects)
	for _, p := range b.Projects {
		assert.Contains(t, p.Themes, briefing.Ref{ID: "theme:vroegdetectie", Name: "Vroegdetectie"}, p.ID)
	}
	for _, o := range b.Overlaps {
		assert.Contains(t, projectIDs(b), o.A.ID)
		assert.Contains(t, projectIDs(b), o.B.ID)
	}
}

// TestBuildAgreesWithAnalyst checks that a briefing says what the API says:
// its overlaps, synergies, gaps and stakeholder maps are the Analyst's, on
// several scopes of the demo network.
func TestBuildAgreesWithAnalyst(t *testing.T) {
	db := demoStore(t)
	ctx := context.Background()
	a := &buurtnet.Analyst{Store: db}
	for _, s := range []briefing.Scope{
		{Territory: "territory:brussels-region"},
		{Territory: "territory:brabantwijk"},
		{Territory: "territory:brussels-region", Theme: "theme:vroegdetectie"},
		{Territory: "territory:brussels-region", On: date("2022-06-01")},
		{Territory: "territory:limburg"},
	} {
		if s.Territory == "territory:brussels-region" && s.Theme == "" && s.On.IsZero() {
			b, err := briefing.Build(ctx, db, s)
			require.NoError(t, err)
			require.NotEmpty(t, b.Overlaps, "the comparison below is not empty-handed")
			require.NotEmpty(t, b.Synergies)
		}
		t.Run(s.Territory+" "+s.Theme+" "+s.On.String(), func(t *testing.T) {
			b, err := briefing.Build(ctx, db, s)
			require.NoError(t, err)
			require.NotEmpty(t, b.Projects, "a scope worth comparing")

			report, err := a.Gaps(ctx, s.Territory, s.On)
			require.NoError(t, err)
			var want []string
			for _, p := range report.Projects {
				if s.Theme == "" || contains(p.Themes, s.Theme) {
					want = append(want, p.Project.ID)
				}
			}
			assert.ElementsMatch(t, want, projectIDs(b), "projects")
			assert.Equal(t, termIDs(report.MissingFunctions), refIDs(terms(b.Gaps.MissingFunctions)), "missing functions")
			assert.Equal(t, termIDs(report.MissingThemes), refIDs(terms(b.Gaps.MissingThemes)), "missing themes")
			require.Len(t, b.Gaps.CoveredFunctions, len(report.CoveredFunctions))
			for i, c := range report.CoveredFunctions {
				assert.Equal(t, c.Term.ID, b.Gaps.CoveredFunctions[i].ID)
				assert.ElementsMatch(t, c.Projects, refIDs(b.Gaps.CoveredFunctions[i].Projects))
			}

			synergies, err := a.Synergies(ctx, buurtnet.SynergyQuery{Territory: s.Territory, Theme: s.Theme, On: s.On, First: briefing.TopSynergies})
			require.NoError(t, err)
			require.Len(t, b.Synergies, len(synergies))
			for i, sy := range synergies {
				got := b.Synergies[i]
				assert.Equal(t, [3]any{sy.A.Project.ID, sy.B.Project.ID, sy.Score}, [3]any{got.A.ID, got.B.ID, got.Score})
				require.Len(t, got.Reasons, len(sy.Reasons))
				for j, r := range sy.Reasons {
					assert.Equal(t, r.Code, got.Reasons[j].Code)
					assert.Equal(t, r.Points, got.Reasons[j].Points)
				}
			}

			// Every overlapping pair in scope, once, with the Analyst's places.
			pairs := map[[2]string]bool{}
			for _, o := range b.Overlaps {
				_, overlaps, err := a.Overlaps(ctx, o.A.ID, s.On)
				require.NoError(t, err)
				found := false
				for _, ov := range overlaps {
					if ov.Project.Project.ID == o.B.ID {
						found = true
						require.Len(t, o.Places, len(ov.Places))
						for i, p := range ov.Places {
							assert.Equal(t, [3]string{p.Territory, p.OtherTerritory, string(p.Relation)},
								[3]string{o.Places[i].Territory.ID, o.Places[i].OtherTerritory.ID, string(o.Places[i].Relation)})
						}
						assert.Equal(t, ov.SharedPartners, sortedIDs(o.SharedPartners))
					}
				}
				assert.True(t, found, "%s – %s is an overlap the Analyst knows", o.A.ID, o.B.ID)
				pair := [2]string{min(o.A.ID, o.B.ID), max(o.A.ID, o.B.ID)}
				assert.False(t, pairs[pair], "each pair once")
				pairs[pair] = true
			}
			for _, id := range projectIDs(b) {
				_, overlaps, err := a.Overlaps(ctx, id, s.On)
				require.NoError(t, err)
				for _, ov := range overlaps {
					other := ov.Project.Project.ID
					if contains(projectIDs(b), other) {
						assert.True(t, pairs[[2]string{min(id, other), max(id, other)}], "%s – %s is missing", id, other)
					}
				}
				m, err := a.StakeholderMap(ctx, id)
				require.NoError(t, err)
				for _, got := range b.Stakeholders {
					if got.Project.ID == id {
						for i, g := range m.Levels {
							var want []string
							for _, l := range g.Participants {
								want = append(want, l.From)
							}
							assert.ElementsMatch(t, want, refIDs(members(got.Levels[i].Members)), "%s %s", id, g.Level)
						}
					}
				}
			}
		})
	}
}

func TestBuildChanges(t *testing.T) {
	db := demoStore(t)
	ctx := context.Background()
	// A partnership recorded on 1 October that starts on 5 October.
	db.Now = func() time.Time { return time.Date(2026, 10, 1, 14, 0, 0, 0, time.UTC) }
	require.NoError(t, db.CreateLink(ctx, &buurtnet.Link{
		LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkParticipatesIn, From: "org:kenniscentrum-wwz", To: "project:citisen"},
		Period:  buurtnet.Period{Start: date("2026-10-05")},
	}))

	b, err := briefing.Build(ctx, db, briefing.Scope{Territory: "brabantwijk", Since: date("2026-09-10"), Today: today})
	require.NoError(t, err)
	assert.Equal(t, date("2026-11-26"), b.Until)
	require.Len(t, b.Changes, 2, "%+v", b.Changes)
	assert.Equal(t, briefing.EventAdded, b.Changes[0].Event)
	assert.Equal(t, date("2026-10-01"), b.Changes[0].Date)
	assert.Equal(t, briefing.EventStarted, b.Changes[1].Event)
	for _, c := range b.Changes {
		assert.Equal(t, buurtnet.LinkParticipatesIn, c.Link)
		assert.Equal(t, "project:citisen", c.Project.ID)
		assert.Equal(t, "org:kenniscentrum-wwz", c.Other.ID)
		assert.Equal(t, buurtnet.RolePartner, c.Role)
	}

	// The day after the previous meeting counts, the meeting day itself not.
	b, err = briefing.Build(ctx, db, briefing.Scope{Territory: "brabantwijk", Since: date("2026-10-01"), Today: today})
	require.NoError(t, err)
	require.Len(t, b.Changes, 1)
	assert.Equal(t, briefing.EventStarted, b.Changes[0].Event)

	// A project that ended between the meetings is listed, although it no
	// longer runs on the meeting day and so is no longer in scope.
	b, err = briefing.Build(ctx, db, briefing.Scope{Territory: "brussels-region", On: date("2022-01-15"), Since: date("2021-11-01"), Today: today})
	require.NoError(t, err)
	assert.NotContains(t, projectIDs(b), "project:boost")
	assert.Contains(t, b.Changes, briefing.Change{Date: date("2021-12-31"), Event: briefing.EventEnded, Project: briefing.Ref{ID: "project:boost", Name: "BOOST – Buurtgerichte aanpak"}})
}

func projectIDs(b *briefing.Briefing) []string {
	var out []string
	for _, p := range b.Projects {
		out = append(out, p.ID)
	}
	return out
}

func refIDs(rs []briefing.Ref) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func sortedIDs(rs []briefing.Ref) []string {
	out := refIDs(rs)
	if len(out) == 0 {
		return nil // as the Analyst's intersect gives "none"
	}
	sort.Strings(out)
	return out
}

func terms(ts []briefing.Term) []briefing.Ref {
	var out []briefing.Ref
	for _, t := range ts {
		out = append(out, t.Ref)
	}
	return out
}

func members(ms []briefing.Member) []briefing.Ref {
	var out []briefing.Ref
	for _, m := range ms {
		out = append(out, m.Ref)
	}
	return out
}

func termIDs(ts []*buurtnet.Term) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
