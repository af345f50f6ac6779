package neo4j_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/neo4j"
)

// A database written by the store up to schema version 3 kept each entity
// and each link as JSON in a data property only. Opening it migrates it in
// place: every field becomes a property, and the store reads back exactly
// what was written.
func TestMigrateToNativeProperties(t *testing.T) {
	db := openStore(t)
	ctx := t.Context()
	n, err := demo.Network()
	require.NoError(t, err)
	// A database of schema version 3 holds only the kinds of that version:
	// consultations, cycles and meetings came with version 5.
	n.Consultations, n.Cycles, n.Meetings = nil, nil, nil
	var older []*buurtnet.Link
	for _, l := range n.Links {
		from, to := l.Kind.Endpoints()
		if !slices.Contains([]buurtnet.Kind{buurtnet.KindConsultation, buurtnet.KindCycle, buurtnet.KindMeeting}, from) &&
			!slices.Contains([]buurtnet.Kind{buurtnet.KindConsultation, buurtnet.KindCycle, buurtnet.KindMeeting}, to) {
			older = append(older, l)
		}
	}
	n.Links = older
	at := time.Date(2024, 3, 1, 9, 30, 0, 123456789, time.UTC)
	for i, node := range n.Nodes() {
		buurtnet.SetStamp(node, buurtnet.Stamp{CreatedAt: at, UpdatedAt: at.Add(time.Duration(i) * time.Hour), Version: 1 + i%3})
	}
	for i, l := range n.Links {
		l.Stamp = buurtnet.Stamp{CreatedAt: at, UpdatedAt: at.Add(time.Duration(i) * time.Minute), Version: 1 + i%2}
	}
	// The demo has no amount: give one funding an amount with cents.
	var funded *buurtnet.Link
	for _, l := range n.Links {
		if l.Kind == buurtnet.LinkFunds {
			funded = l
			m := buurtnet.Money(1234567)
			l.Amount = &m
			break
		}
	}
	require.NotNil(t, funded, "the demo network has a FUNDS link")

	// The old way, statement by statement as that version wrote them.
	labels := map[buurtnet.Kind]string{
		buurtnet.KindOrganisation: "Organisation", buurtnet.KindProject: "Project", buurtnet.KindTerritory: "Territory",
		buurtnet.KindFunder: "Funder", buurtnet.KindTheme: "Theme", buurtnet.KindTargetGroup: "TargetGroup",
		buurtnet.KindFunction: "Function", buurtnet.KindPerson: "Person",
	}
	session := db.Driver().NewSession(ctx, neo4jSessionConfig(t))
	defer session.Close(ctx)
	run := func(cypher string, params map[string]any) {
		t.Helper()
		res, err := session.Run(ctx, cypher, params)
		require.NoError(t, err)
		_, err = res.Consume(ctx)
		require.NoError(t, err)
	}
	stamp := func(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z07:00") }
	want := map[string]string{}
	for _, node := range n.Nodes() {
		data, err := json.Marshal(node)
		require.NoError(t, err)
		want[node.NodeID()] = string(data)
		s := buurtnet.Timestamps(node)
		props := map[string]any{"id": node.NodeID(), "kind": string(node.NodeKind()), "data": string(data),
			"sort_nl": buurtnet.Fold(node.Names().In(buurtnet.NL)), "search": node.Names().SearchKey(),
			"created_at": stamp(s.CreatedAt), "updated_at": stamp(s.UpdatedAt)}
		if p, ok := node.(*buurtnet.Project); ok {
			props["period_start"], props["period_end"] = p.Period.Start.String(), p.Period.End.String()
		}
		run(`CREATE (n:Node:`+labels[node.NodeKind()]+`) SET n = $props`, map[string]any{"props": props})
	}
	for _, l := range n.Links {
		require.NoError(t, l.Validate())
		data, err := json.Marshal(l)
		require.NoError(t, err)
		want[l.LinkKey.String()] = string(data)
		run(`MATCH (a:Node {id: $from}), (b:Node {id: $to}) CREATE (a)-[r:`+string(l.Kind)+`]->(b) SET r = $props`,
			map[string]any{"from": l.From, "to": l.To, "props": map[string]any{
				"key": l.From + " " + l.To, "data": string(data), "created_at": stamp(l.CreatedAt), "updated_at": stamp(l.UpdatedAt)}})
	}
	toVersion3 := func() {
		t.Helper()
		for _, index := range []string{"node_name", "territory_kind", "project_status"} {
			run(`DROP INDEX `+index+` IF EXISTS`, nil)
		}
		// And the link constraints of versions 5 to 8, so that those
		// migrations run on a clean slate too.
		for _, k := range []buurtnet.LinkKind{buurtnet.LinkModerates, buurtnet.LinkHeldIn, buurtnet.LinkCycleOf, buurtnet.LinkMemberOf,
			buurtnet.LinkContactIn, buurtnet.LinkMeetingOf, buurtnet.LinkOnTheme, buurtnet.LinkConcerns,
			buurtnet.LinkCorrespondsTo, buurtnet.LinkPrioritises, buurtnet.LinkPrioritisesGroup, buurtnet.LinkPartOfProgramme,
			buurtnet.LinkHoldsRole, buurtnet.LinkPersonHoldsRole, buurtnet.LinkForeseesRole} {
			run(`DROP CONSTRAINT link_`+strings.ToLower(string(k))+`_key IF EXISTS`, nil)
		}
		// A database of version 3 has the indexes version 9 drops.
		for _, index := range []string{"kind", "sort_nl", "sort_fr", "sort_en"} {
			run(`CREATE INDEX node_`+index+` IF NOT EXISTS FOR (n:Node) ON (n.`+index+`)`, nil)
		}
		run(`MATCH (v:SchemaVersion) SET v.version = 3`, nil)
	}
	toVersion3()

	again, err := neo4j.Open(ctx, envConfig(t))
	require.NoError(t, err)
	defer again.Close()
	v, err := again.SchemaVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, neo4j.LatestSchemaVersion, v)

	// The indexes no query used are gone; the analyst's are there.
	res, err := session.Run(ctx, `SHOW INDEXES YIELD name RETURN collect(name) AS names`, nil)
	require.NoError(t, err)
	rec, err := res.Single(ctx)
	require.NoError(t, err)
	names, _ := rec.Get("names")
	for _, gone := range []string{"node_kind", "node_sort_nl", "node_sort_fr", "node_sort_en"} {
		assert.NotContains(t, names, gone)
	}
	for _, kept := range []string{"node_id", "node_search", "node_name", "territory_kind", "project_status"} {
		assert.Contains(t, names, kept)
	}

	// The properties an analyst reads.
	one := func(cypher string, params map[string]any) map[string]any {
		t.Helper()
		res, err := session.Run(ctx, cypher, params)
		require.NoError(t, err)
		rec, err := res.Single(ctx)
		require.NoError(t, err)
		return rec.AsMap()
	}
	var project *buurtnet.Project
	for _, p := range n.Projects {
		if !p.Period.Start.IsZero() && p.Name.NL != "" {
			project = p
			break
		}
	}
	require.NotNil(t, project)
	got := one(`MATCH (p:Project {id: $id}) RETURN p.name AS name, p.name_nl AS nl, p.status AS status, p.period_start AS start, p.version AS version`,
		map[string]any{"id": project.ID})
	assert.Equal(t, map[string]any{"name": project.Name.NL, "nl": project.Name.NL, "status": nilIfEmpty(string(project.Status)),
		"start": project.Period.Start.String(), "version": int64(project.Version)}, got)
	var part *buurtnet.Link
	for _, l := range n.Links {
		if l.Kind == buurtnet.LinkParticipatesIn && l.Role != "" && l.Level != "" {
			part = l
			break
		}
	}
	require.NotNil(t, part)
	got = one(`MATCH (:Node {id: $from})-[r:PARTICIPATES_IN]->(:Node {id: $to}) RETURN r.role AS role, r.level AS level, r.data AS data`,
		map[string]any{"from": part.From, "to": part.To})
	assert.Equal(t, map[string]any{"role": string(part.Role), "level": string(part.Level), "data": nil}, got)
	got = one(`MATCH (:Node {id: $from})-[r:FUNDS]->(:Node {id: $to}) RETURN r.amount AS amount`, map[string]any{"from": funded.From, "to": funded.To})
	assert.Equal(t, map[string]any{"amount": 12345.67}, got)
	got = one(`MATCH ()-[r]->() WHERE r.data IS NOT NULL RETURN count(r) AS n`, nil)
	assert.Equal(t, map[string]any{"n": int64(0)}, got, "no relationship keeps its JSON")
	got = one(`MATCH (n:Node) WHERE n.name IS NULL RETURN count(n) AS n`, nil)
	assert.Equal(t, map[string]any{"n": int64(0)}, got, "every entity has its name")

	// And the store reads back exactly what was written.
	snap, err := again.Snapshot(ctx)
	require.NoError(t, err)
	read := map[string]string{}
	for _, node := range snap.Nodes() {
		data, err := json.Marshal(node)
		require.NoError(t, err)
		read[node.NodeID()] = string(data)
	}
	for _, l := range snap.Links {
		data, err := json.Marshal(l)
		require.NoError(t, err)
		read[l.LinkKey.String()] = string(data)
	}
	assert.Equal(t, want, read)

	// Migrating again (as after a crash) changes nothing.
	toVersion3()
	third, err := neo4j.Open(ctx, envConfig(t))
	require.NoError(t, err)
	defer third.Close()
	snap2, err := third.Snapshot(ctx)
	require.NoError(t, err)
	a, _ := json.Marshal(snap)
	b, _ := json.Marshal(snap2)
	assert.Equal(t, strings.TrimSpace(string(a)), strings.TrimSpace(string(b)))
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
