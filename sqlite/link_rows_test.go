package sqlite_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// A link's row keeps its key and times in columns only; rows written before
// that, whose data repeats them, read the same, and the audit entries
// written one row each before imports were grouped list as before.
func TestRowsWrittenBeforeReadTheSame(t *testing.T) {
	db, _ := openFile(t)
	ctx := t.Context()
	_, err := db.Apply(ctx, &buurtnet.Network{
		Projects:    []*buurtnet.Project{{ID: "project:a", Name: buurtnet.Text{NL: "A"}}},
		Territories: []*buurtnet.Territory{{ID: "territory:t", Name: buurtnet.Text{NL: "T"}, Kind: buurtnet.TerritorySite}},
		Links:       []*buurtnet.Link{{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:a", To: "territory:t"}, Coverage: buurtnet.CoveragePart}},
	}, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	key := buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:a", To: "territory:t"}
	read := func() *buurtnet.Link {
		links, err := db.Links(ctx, buurtnet.LinkQuery{From: []string{"project:a"}})
		require.NoError(t, err)
		require.Len(t, links, 1)
		return links[0]
	}
	now := read()
	assert.Equal(t, key, now.LinkKey)
	assert.Equal(t, buurtnet.CoveragePart, now.Coverage)
	assert.False(t, now.CreatedAt.IsZero())

	var data string
	require.NoError(t, db.SQL().QueryRowContext(ctx, `SELECT data FROM links`).Scan(&data))
	assert.NotContains(t, data, "project:a", "the key is in its columns only")
	assert.NotContains(t, data, "createdAt", "the times are in their columns only")

	// The row as it was written before: everything in data.
	_, err = db.SQL().ExecContext(ctx, `UPDATE links SET data = ?`,
		`{"kind":"ACTIVE_IN","from":"project:a","to":"territory:t","coverage":"PART","stamp":{"createdAt":"`+
			now.CreatedAt.Format(time.RFC3339Nano)+`","updatedAt":"`+now.UpdatedAt.Format(time.RFC3339Nano)+`","version":1}}`)
	require.NoError(t, err)
	assert.Equal(t, now, read())

	// Audit entries of an import written one row each, then a grouped one.
	_, err = db.SQL().ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, subject) VALUES
		('2026-01-01T00:00:00.000000000Z', 'cli', 'IMPORT', 'project:old'), ('2026-01-01T00:00:00.000000000Z', 'cli', 'IMPORT', 'theme:old')`)
	require.NoError(t, err)
	log, err := db.AuditLog(ctx, buurtnet.AuditFilter{})
	require.NoError(t, err)
	var subjects []string
	for _, e := range log {
		subjects = append(subjects, e.Subject)
	}
	assert.Equal(t, []string{"theme:old", "project:old", key.String(), "project:a", "territory:t"}, subjects)
	old, err := db.AuditLog(ctx, buurtnet.AuditFilter{Subject: "project:old"})
	require.NoError(t, err)
	require.Len(t, old, 1)
	assert.Equal(t, log[1], old[0])
}
