package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/storetest"
	"github.com/buurtnet/buurtnet/synthetic"
)

// Two service instances on one database file: what one writes (or an import
// run from the command line) shows in the other's next answer, although the
// other keeps its territory graph between questions.
func TestAnalystSeesWritesOfAnotherProcess(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "buurtnet.db")
	one, _ := openPath(t, path)
	other, _ := openPath(t, path)
	storetest.Load(t, one, storetest.Fixture(t))

	a := &buurtnet.Analyst{Store: one}
	related := func() bool {
		_, ovs, err := a.Overlaps(ctx, "project:eta", buurtnet.Date{})
		require.NoError(t, err)
		for _, ov := range ovs {
			if ov.Project.Project.ID == "project:alfa" {
				return true
			}
		}
		return false
	}
	require.False(t, related(), "Buurdorp and Noordwijk share no ground yet")
	_, err := other.Apply(ctx, &buurtnet.Network{Links: []*buurtnet.Link{
		{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkOverlaps, From: "territory:buurdorp", To: "territory:noordwijk"}},
	}}, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	assert.True(t, related(), "the other process made them overlap")
}

// A question cut off by its deadline answers TIMEOUT, whether the store or
// the rule was running when the deadline passed.
func TestQuestionsStopAtTheDeadline(t *testing.T) {
	db, _ := openFile(t)
	_, err := db.Apply(context.Background(), synthetic.Network(synthetic.TierS, 1), buurtnet.ApplyOptions{})
	require.NoError(t, err)
	a := &buurtnet.Analyst{Store: db}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Millisecond)
	defer cancel()
	_, err = a.Synergies(ctx, buurtnet.SynergyQuery{Territory: synthetic.RegionID})
	require.Error(t, err)
	assert.Equal(t, buurtnet.ETIMEOUT, buurtnet.ErrorCode(err), "%v", err)
}
