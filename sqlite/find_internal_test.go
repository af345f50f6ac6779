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

// TestSearchReadsTheSortIndex: a list searched by name is counted from an
// index alone, and its page walks the index it is sorted by, testing the
// names there (no sort, no row read for a name that does not match).
func TestSearchReadsTheSortIndex(t *testing.T) {
	ctx := t.Context()
	db := openCity(t)

	plan := func(query string, args ...any) string {
		rows, err := db.db.QueryContext(ctx, `EXPLAIN QUERY PLAN `+query, args...)
		require.NoError(t, err)
		defer rows.Close()
		var steps []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			require.NoError(t, rows.Scan(&id, &parent, &unused, &detail))
			steps = append(steps, detail)
		}
		require.NoError(t, rows.Err())
		return strings.Join(steps, "; ")
	}
	for _, lang := range []buurtnet.Lang{buurtnet.NL, buurtnet.FR, buurtnet.EN} {
		f := buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: "zorg", Lang: lang, Limit: 20}
		q, err := buildFind(f)
		require.NoError(t, err)
		count := plan(`SELECT COUNT(*) FROM nodes n WHERE `+q.where(), q.params()...)
		assert.Contains(t, count, "USING COVERING INDEX nodes_sort_", lang)
		page := plan(`SELECT n.kind, n.data FROM nodes n WHERE `+q.where()+` ORDER BY `+orderBy(f)+` LIMIT ? OFFSET ?`, q.params(20, 0)...)
		assert.Contains(t, page, "USING INDEX nodes_sort_"+strings.ToLower(string(lang)), lang)
		assert.NotContains(t, page, "TEMP B-TREE", lang)
	}
}

// A page that is not full tells the total without a count; a full one, or
// an empty one past the start, does not.
func TestPageTotal(t *testing.T) {
	for _, c := range []struct {
		limit, offset, n, total int
		ok                      bool
	}{
		{limit: 20, offset: 0, n: 7, total: 7, ok: true},
		{limit: 20, offset: 40, n: 3, total: 43, ok: true},
		{limit: 20, offset: 0, n: 0, total: 0, ok: true},
		{limit: 20, offset: 0, n: 20},
		{limit: 20, offset: 60, n: 0},
		{limit: 0, offset: 0, n: 120, total: 120, ok: true},
		{limit: 0, offset: 5, n: 0},
	} {
		total, ok := pageTotal(buurtnet.NodeFilter{Limit: c.limit, Offset: c.offset}, c.n)
		assert.Equal(t, c.ok, ok, "%+v", c)
		if c.ok {
			assert.Equal(t, c.total, total, "%+v", c)
		}
	}
}

// Find's total is the number of matches, page after page, whether it
// comes from the page or from a count.
func TestFindTotalWithoutCount(t *testing.T) {
	ctx := t.Context()
	db := openCity(t)
	for _, word := range []string{"zorg 00", "zorg 0010", "no such name", "e"} {
		all, want, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: word})
		require.NoError(t, err)
		require.Len(t, all, want, word)
		t.Logf("%q: %d matches", word, want)
		for _, limit := range []int{7, 500} {
			for offset := 0; offset <= want+limit; offset += limit {
				page, total, err := db.Find(ctx, buurtnet.NodeFilter{Kind: buurtnet.KindOrganisation, Search: word, Limit: limit, Offset: offset})
				require.NoError(t, err)
				assert.Equal(t, want, total, "%q, first %d after %d", word, limit, offset)
				assert.Equal(t, min(limit, max(want-offset, 0)), len(page), "%q, first %d after %d", word, limit, offset)
			}
		}
	}
}

// openCity opens a database file holding a generated city (tier S).
func openCity(t *testing.T) *DB {
	t.Helper()
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "s.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	_, err = db.Apply(t.Context(), synthetic.Network(synthetic.TierS, 3), buurtnet.ApplyOptions{})
	require.NoError(t, err)
	return db
}
