package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
)

// testVersions pins how stores number the versions of an entity: 1 when
// created, one more per accepted write, unchanged by an Apply that changes
// nothing.
func testVersions(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	p := &buurtnet.Project{ID: "project:v", Name: buurtnet.Text{NL: "V"}}
	require.NoError(t, s.CreateNode(ctx, p))
	assert.Equal(t, 1, buurtnet.Timestamps(p).Version)
	n, err := s.UpdateNode(ctx, "project:v", func(n buurtnet.Node) error {
		n.(*buurtnet.Project).Website = "https://v.example"
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 2, buurtnet.Timestamps(n).Version)

	_, err = s.UpdateNode(ctx, "project:v", func(n buurtnet.Node) error {
		return buurtnet.CheckVersion(n, new(1)) // an editor who loaded version 1
	})
	requireErr(t, err, buurtnet.ECONFLICT, "version")
	stored, err := s.Nodes(ctx, []string{"project:v"})
	require.NoError(t, err)
	assert.Equal(t, 2, buurtnet.Timestamps(stored[0]).Version, "a refused write leaves the version")

	again := &buurtnet.Network{Projects: []*buurtnet.Project{{ID: "project:v", Name: buurtnet.Text{NL: "V"}, Website: "https://v.example"}}}
	_, err = s.Apply(ctx, again, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	stored, err = s.Nodes(ctx, []string{"project:v"})
	require.NoError(t, err)
	assert.Equal(t, 2, buurtnet.Timestamps(stored[0]).Version, "an unchanged entity keeps its version")
}

// testVersionGiven pins that every version a change names is checked:
// only the current one passes, and no value (0, negative, far ahead)
// switches the check off. Without a version the change goes through.
func testVersionGiven(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	require.NoError(t, s.CreateNode(ctx, &buurtnet.Project{ID: "project:v", Name: buurtnet.Text{NL: "V"}}))
	for _, want := range []int{0, -1, 2, 1 << 40} {
		_, err := s.UpdateNode(ctx, "project:v", func(n buurtnet.Node) error {
			if err := buurtnet.CheckVersion(n, &want); err != nil {
				return err
			}
			n.(*buurtnet.Project).Website = "https://overwritten.example"
			return nil
		})
		requireErr(t, err, buurtnet.ECONFLICT, "version")
	}
	stored, err := s.Nodes(ctx, []string{"project:v"})
	require.NoError(t, err)
	assert.Equal(t, 1, buurtnet.Timestamps(stored[0]).Version, "refused writes leave the version")
	assert.Empty(t, stored[0].(*buurtnet.Project).Website, "refused writes change nothing")

	for _, want := range []*int{new(1), nil} {
		_, err := s.UpdateNode(ctx, "project:v", func(n buurtnet.Node) error {
			return buurtnet.CheckVersion(n, want)
		})
		require.NoError(t, err)
	}
	stored, err = s.Nodes(ctx, []string{"project:v"})
	require.NoError(t, err)
	assert.Equal(t, 3, buurtnet.Timestamps(stored[0]).Version)
}

// testAudit pins the audit log: every write records who, what and when, in
// the write's own transaction (a refused write records nothing).
func testAudit(t *testing.T, open Opener) {
	s := open(t)
	ctx := buurtnet.WithActor(t.Context(), buurtnet.Actor{Name: "redacteur", Role: buurtnet.RoleEditor})
	start := time.Now().Add(-time.Second)
	mustCreateCtx(t, ctx, s, &buurtnet.Project{ID: "project:a", Name: buurtnet.Text{NL: "A"}},
		&buurtnet.Territory{ID: "territory:t", Name: buurtnet.Text{NL: "T"}, Kind: buurtnet.TerritorySite})
	_, err := s.UpdateNode(ctx, "project:a", func(buurtnet.Node) error { return nil })
	require.NoError(t, err)
	key := buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:a", To: "territory:t"}
	require.NoError(t, s.CreateLink(ctx, &buurtnet.Link{LinkKey: key}))
	note := "n"
	_, err = s.UpdateLink(ctx, key, buurtnet.LinkUpdate{Note: &note})
	require.NoError(t, err)
	require.NoError(t, s.DeleteLink(ctx, key))
	require.Error(t, s.CreateNode(ctx, &buurtnet.Project{ID: "project:a", Name: buurtnet.Text{NL: "again"}}), "refused: records nothing")
	_, err = s.Apply(t.Context(), &buurtnet.Network{Themes: []*buurtnet.Term{{ID: "theme:x", Name: buurtnet.Text{NL: "X"}}}}, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	require.NoError(t, s.DeleteNode(ctx, "territory:t"))

	all, err := s.AuditLog(t.Context(), buurtnet.AuditFilter{})
	require.NoError(t, err)
	type entry struct{ Actor, Action, Subject string }
	var got []entry
	for _, e := range all {
		got = append(got, entry{e.Actor, e.Action, e.Subject})
		assert.False(t, e.At.Before(start), "entry time")
	}
	assert.Equal(t, []entry{ // newest first
		{"redacteur", buurtnet.AuditDelete, "territory:t"},
		{"anonymous", buurtnet.AuditImport, "theme:x"},
		{"redacteur", buurtnet.AuditUnlink, key.String()},
		{"redacteur", buurtnet.AuditUpdateLink, key.String()},
		{"redacteur", buurtnet.AuditLink, key.String()},
		{"redacteur", buurtnet.AuditUpdate, "project:a"},
		{"redacteur", buurtnet.AuditCreate, "territory:t"},
		{"redacteur", buurtnet.AuditCreate, "project:a"},
	}, got)

	bySubject, err := s.AuditLog(t.Context(), buurtnet.AuditFilter{Subject: "project:a"})
	require.NoError(t, err)
	assert.Len(t, bySubject, 2)
	byActor, err := s.AuditLog(t.Context(), buurtnet.AuditFilter{Actor: "anonymous"})
	require.NoError(t, err)
	assert.Len(t, byActor, 1)
	limited, err := s.AuditLog(t.Context(), buurtnet.AuditFilter{Limit: 3})
	require.NoError(t, err)
	assert.Len(t, limited, 3)
	future, err := s.AuditLog(t.Context(), buurtnet.AuditFilter{Since: time.Now().Add(time.Hour)})
	require.NoError(t, err)
	assert.Empty(t, future)
}

// testAuditOfImport pins the entries of an import: one per entity and link
// written, in the order they are written, with ids of their own before those of
// the next write, whichever way the store keeps them.
func testAuditOfImport(t *testing.T, open Opener) {
	s := open(t)
	ctx := buurtnet.WithActor(t.Context(), buurtnet.Actor{Name: "importeur", Role: buurtnet.RoleEditor})
	before, err := s.Revision(ctx)
	require.NoError(t, err)
	n := &buurtnet.Network{
		Projects:    []*buurtnet.Project{{ID: "project:a", Name: buurtnet.Text{NL: "A"}}, {ID: "project:b", Name: buurtnet.Text{NL: "B"}}},
		Territories: []*buurtnet.Territory{{ID: "territory:t", Name: buurtnet.Text{NL: "T"}, Kind: buurtnet.TerritorySite}},
		Links: []*buurtnet.Link{
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:a", To: "territory:t"}},
			{LinkKey: buurtnet.LinkKey{Kind: buurtnet.LinkActiveIn, From: "project:b", To: "territory:t"}},
		},
	}
	_, err = s.Apply(ctx, n, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	mustCreateCtx(t, ctx, s, &buurtnet.Project{ID: "project:c", Name: buurtnet.Text{NL: "C"}})
	after, err := s.Revision(ctx)
	require.NoError(t, err)
	assert.Equal(t, before+6, after, "the revision counts every entry")

	all, err := s.AuditLog(ctx, buurtnet.AuditFilter{})
	require.NoError(t, err)
	var subjects []string
	for i, e := range all {
		subjects = append(subjects, e.Action+" "+e.Subject)
		assert.Equal(t, "importeur", e.Actor)
		if i > 0 {
			assert.Equal(t, all[i-1].ID-1, e.ID, "ids one apart, newest first")
		}
	}
	assert.Equal(t, []string{
		"CREATE project:c",
		"IMPORT ACTIVE_IN project:b -> territory:t",
		"IMPORT ACTIVE_IN project:a -> territory:t",
		"IMPORT project:b",
		"IMPORT project:a",
		"IMPORT territory:t", // the territories go in first
	}, subjects)
	assert.Equal(t, after, all[0].ID)

	limited, err := s.AuditLog(ctx, buurtnet.AuditFilter{Limit: 3})
	require.NoError(t, err)
	assert.Equal(t, all[:3], limited, "a limit within an import")
	one, err := s.AuditLog(ctx, buurtnet.AuditFilter{Subject: "project:b"})
	require.NoError(t, err)
	require.Len(t, one, 1)
	assert.Equal(t, all[3], one[0])
	link, err := s.AuditLog(ctx, buurtnet.AuditFilter{Subject: "ACTIVE_IN project:a -> territory:t"})
	require.NoError(t, err)
	require.Len(t, link, 1)
	assert.Equal(t, all[2], link[0])
	none, err := s.AuditLog(ctx, buurtnet.AuditFilter{Subject: "project"})
	require.NoError(t, err)
	assert.Empty(t, none, "a part of a subject is not the subject")
	other, err := s.AuditLog(ctx, buurtnet.AuditFilter{Actor: "someone else"})
	require.NoError(t, err)
	assert.Empty(t, other)
}

// testTokens pins the token store: only hashes, lookup by hash, revocation.
func testTokens(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	tok, secret, err := buurtnet.NewToken("front-end", buurtnet.RoleEditor)
	require.NoError(t, err)
	require.NoError(t, s.CreateToken(ctx, tok))

	found, err := s.TokenByHash(ctx, buurtnet.HashSecret(secret))
	require.NoError(t, err)
	assert.Equal(t, tok.ID, found.ID)
	assert.Equal(t, "front-end", found.Name)
	assert.Equal(t, buurtnet.RoleEditor, found.Role)
	assert.Nil(t, found.RevokedAt)

	_, err = s.TokenByHash(ctx, buurtnet.HashSecret("bnt_wrong"))
	requireErr(t, err, buurtnet.ENOTFOUND, "")

	require.NoError(t, s.RevokeToken(ctx, tok.ID))
	_, err = s.TokenByHash(ctx, buurtnet.HashSecret(secret))
	requireErr(t, err, buurtnet.ENOTFOUND, "")
	requireErr(t, s.RevokeToken(ctx, tok.ID), buurtnet.ENOTFOUND, "id")

	list, err := s.Tokens(ctx)
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.NotNil(t, list[0].RevokedAt, "revoked tokens stay listed")
}

func mustCreateCtx(t *testing.T, ctx context.Context, s buurtnet.Store, nodes ...buurtnet.Node) {
	t.Helper()
	for _, n := range nodes {
		require.NoError(t, s.CreateNode(ctx, n))
	}
}
