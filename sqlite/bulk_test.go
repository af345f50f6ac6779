package sqlite_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
)

// An import into an empty store builds the indexes of links after the
// rows; whatever happens, the store keeps every index.
func TestApplyKeepsIndexes(t *testing.T) {
	db, _ := openFile(t)
	indexes := func() []string {
		rows, err := db.SQL().QueryContext(t.Context(), `SELECT name FROM sqlite_master
			WHERE type = 'index' AND tbl_name IN ('links', 'audit_log') AND sql IS NOT NULL ORDER BY name`)
		require.NoError(t, err)
		defer rows.Close()
		var names []string
		for rows.Next() {
			var n string
			require.NoError(t, rows.Scan(&n))
			names = append(names, n)
		}
		require.NoError(t, rows.Err())
		return names
	}
	want := []string{"audit_log_actor", "audit_log_groups", "audit_log_subject", "links_from", "links_to"}
	require.Equal(t, want, indexes())

	n, err := demo.Network()
	require.NoError(t, err)
	_, err = db.Apply(t.Context(), n, buurtnet.ApplyOptions{DryRun: true})
	require.NoError(t, err)
	assert.Equal(t, want, indexes(), "after a dry run")

	bad := *n
	bad.Links = append([]*buurtnet.Link{}, n.Links...)
	bad.Links = append(bad.Links, &buurtnet.Link{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: n.Projects[0].ID, To: "territory:nowhere"}})
	_, err = db.Apply(t.Context(), &bad, buurtnet.ApplyOptions{})
	require.Error(t, err)
	assert.Equal(t, want, indexes(), "after a failed import")

	_, err = db.Apply(t.Context(), n, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	assert.Equal(t, want, indexes(), "after an import")
}
