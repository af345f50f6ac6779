package briefing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/briefing"
)

// TestLabels: every value an enum can take has a word in every language,
// so no rendering shows a code such as CO_CREATE.
func TestLabels(t *testing.T) {
	db := demoStore(t)
	b := build(t, db, briefing.Scope{Territory: "brabantwijk"}, buurtnet.FR)
	for _, s := range buurtnet.Sectors {
		b.Participants[0].Sectors = append(b.Participants[0].Sectors, s)
	}
	for _, lang := range []buurtnet.Lang{buurtnet.NL, buurtnet.FR, buurtnet.EN} {
		b.Lang = lang
		for _, status := range buurtnet.ProjectStatuses {
			b.Projects[0].Status = status
			assertNoCodes(t, briefing.Tables(b, briefing.PartProjects))
		}
		for _, level := range buurtnet.FunderLevels {
			b.Funding[0].Level = level
			assertNoCodes(t, briefing.Tables(b, briefing.PartFunding))
		}
		for _, c := range buurtnet.LanguageCommunities {
			b.Participants[0].LanguageCommunity = c
			assertNoCodes(t, briefing.Tables(b, briefing.PartParticipants))
		}
		for _, role := range buurtnet.Roles {
			for _, level := range buurtnet.StakeholderLevels {
				b.Participants[0].Roles[0].Role, b.Participants[0].Roles[0].Level = role, level
				assertNoCodes(t, briefing.Tables(b, briefing.PartParticipants))
			}
		}
		b.Changes = nil
		for _, e := range []briefing.Event{briefing.EventStarted, briefing.EventEnded, briefing.EventAdded} {
			for _, k := range []buurtnet.LinkKind{"", buurtnet.LinkParticipatesIn, buurtnet.LinkActiveIn, buurtnet.LinkFunds, buurtnet.LinkCollaboratesWith} {
				b.Changes = append(b.Changes, briefing.Change{Event: e, Link: k})
			}
		}
		assertNoCodes(t, briefing.Tables(b))
	}
}

func assertNoCodes(t *testing.T, ts []briefing.Table) {
	t.Helper()
	for _, tb := range ts {
		for _, row := range tb.Rows {
			for _, cell := range row {
				if s, ok := cell.(string); ok {
					for _, prefix := range []string{"status.", "role.", "level.", "spatial.", "community.", "funderLevel.", "framework.", "event.", "link.", "sector."} {
						assert.NotContains(t, s, prefix, "%s: a label is missing", tb.Part)
					}
				}
			}
		}
	}
}
