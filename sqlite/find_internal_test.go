package sqlite

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/synthetic"
)

// TestEveryFilterCompiles compiles every path of the filter table: each
// must compile, and bind as many values as the statement has placeholders.
func TestEveryFilterCompiles(t *testing.T) {
	for _, ff := range buurtnet.Filters {
		for _, p := range ff.Paths {
			q := &findQuery{}
			require.NoError(t, q.condition(buurtnet.FilterCondition{Field: ff.Name, Path: p, Values: []string{"x"}}), "%s on %s", ff.Name, p.Kind)
			sql := q.with() + q.where()
			assert.Equal(t, strings.Count(sql, "?"), len(q.params()), "%s on %s: %s", ff.Name, p.Kind, sql)
			assert.NotContains(t, sql, "'x'", "%s on %s: values are parameters", ff.Name, p.Kind)
		}
	}
}

// TestSearchPlansAgree: a name search pages the same whether it reads the
// matches through the search index and sorts them, or walks the kind in
// the page's order (fewMatches decides), for rare and common words.
func TestSearchPlansAgree(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Apply(ctx, synthetic.Network(synthetic.TierS, 3), buurtnet.ApplyOptions{})
	require.NoError(t, err)

	defer func(n int) { fewMatches = n }(fewMatches)
	find := func(f buurtnet.NodeFilter, few int) ([]string, int) {
		fewMatches = few
		nodes, total, err := db.Find(ctx, f)
		require.NoError(t, err)
		var ids []string
		for _, n := range nodes {
			ids = append(ids, n.NodeID())
		}
		return ids, total
	}
	common := 0
	for _, kind := range []buurtnet.Kind{buurtnet.KindOrganisation, buurtnet.KindProject, buurtnet.KindTerritory} {
		for _, word := range []string{"e", "zorg", "buurt 00", "001", "no such name"} {
			for _, offset := range []int{0, 40} {
				f := buurtnet.NodeFilter{Kind: kind, Search: word, Limit: 20, Offset: offset}
				walked, total := find(f, 0)
				indexed, total2 := find(f, 1<<30)
				assert.Equal(t, total, total2, "%s %q", kind, word)
				assert.Equal(t, walked, indexed, "%s %q from %d", kind, word, offset)
				if len(walked) == 20 {
					common++
				}
			}
		}
	}
	assert.Positive(t, common, "no search filled a page: the test compares empty pages")
}
