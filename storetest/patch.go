package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// testPeriodPatch pins patch semantics for a link's period: only the ends
// given change, a zero end given clears it, and none given leaves both.
func testPeriodPatch(t *testing.T, open Opener) {
	s := open(t)
	mustCreate(t, s, &buurtnet.Project{ID: "project:p", Name: buurtnet.Text{NL: "P"}},
		&buurtnet.Territory{ID: "territory:t", Name: buurtnet.Text{NL: "T"}, Kind: buurtnet.TerritorySite})
	k := key(buurtnet.LinkActiveIn, "project:p", "territory:t")
	mustLink(t, s, &buurtnet.Link{LinkKey: k, Period: period("2020-01-01", "2021-12-31")})

	for _, tc := range []struct {
		name  string
		patch buurtnet.PeriodPatch
		want  buurtnet.Period
	}{
		{"StartOnly", buurtnet.PeriodPatch{Start: ptr(date("2020-06-01"))}, period("2020-06-01", "2021-12-31")},
		{"EndOnly", buurtnet.PeriodPatch{End: ptr(date("2022-06-30"))}, period("2020-06-01", "2022-06-30")},
		{"Neither", buurtnet.PeriodPatch{}, period("2020-06-01", "2022-06-30")},
		{"ClearEnd", buurtnet.PeriodPatch{End: &buurtnet.Date{}}, period("2020-06-01", "")},
	} {
		got, err := s.UpdateLink(t.Context(), k, buurtnet.LinkUpdate{Period: &tc.patch})
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, got.Period, tc.name)
		assert.Equal(t, tc.want, mustLinkOf(t, s, k).Period, tc.name)
	}

	_, err := s.UpdateLink(t.Context(), k, buurtnet.LinkUpdate{Period: &buurtnet.PeriodPatch{End: ptr(date("2020-01-31"))}})
	requireErr(t, err, buurtnet.EINVALID, "period.end")
	assert.Equal(t, period("2020-06-01", ""), mustLinkOf(t, s, k).Period, "a refused patch changes nothing")
}
