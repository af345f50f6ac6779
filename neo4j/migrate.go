package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// migration is one numbered change to the schema. A released migration is
// never edited: a change to the schema is a new migration. Its statements
// are idempotent (IF NOT EXISTS), and so is its fill, so a migration cut
// short by a crash is simply run again.
type migration struct {
	version    int
	name       string
	statements []string
	// fill, when set, rewrites the data after the statements ran, in
	// transactions of its own.
	fill func(context.Context, *DB) error
}

var migrations = []migration{
	{1, "constraints and indexes", []string{
		// One entity per id, one organisation per enterprise number (nodes
		// without the property are not constrained).
		`CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE`,
		`CREATE CONSTRAINT organisation_enterprise_number IF NOT EXISTS FOR (n:Organisation) REQUIRE n.enterprise_number IS UNIQUE`,
		// Find by kind, search by part of a name, sort by name.
		`CREATE INDEX node_kind IF NOT EXISTS FOR (n:Node) ON (n.kind)`,
		`CREATE TEXT INDEX node_search IF NOT EXISTS FOR (n:Node) ON (n.search)`,
		`CREATE INDEX node_sort_nl IF NOT EXISTS FOR (n:Node) ON (n.sort_nl)`,
		`CREATE INDEX node_sort_fr IF NOT EXISTS FOR (n:Node) ON (n.sort_fr)`,
		`CREATE INDEX node_sort_en IF NOT EXISTS FOR (n:Node) ON (n.sort_en)`,
		// The lock nodes that serialise writers of the territory nesting.
		`CREATE CONSTRAINT lock_name IF NOT EXISTS FOR (n:Lock) REQUIRE n.name IS UNIQUE`,
		// At most one link of a kind between two entities, even when two
		// transactions add it at the same moment: key is "from to".
		`CREATE CONSTRAINT link_part_of_key IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_overlaps_key IF NOT EXISTS FOR ()-[r:OVERLAPS]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_adjacent_to_key IF NOT EXISTS FOR ()-[r:ADJACENT_TO]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_participates_in_key IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_active_in_key IF NOT EXISTS FOR ()-[r:ACTIVE_IN]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_funds_key IF NOT EXISTS FOR ()-[r:FUNDS]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_addresses_key IF NOT EXISTS FOR ()-[r:ADDRESSES]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_targets_key IF NOT EXISTS FOR ()-[r:TARGETS]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_works_on_key IF NOT EXISTS FOR ()-[r:WORKS_ON]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_collaborates_with_key IF NOT EXISTS FOR ()-[r:COLLABORATES_WITH]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_located_in_key IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_serves_key IF NOT EXISTS FOR ()-[r:SERVES]-() REQUIRE r.key IS UNIQUE`,
	}, nil},
	{2, "contact persons", []string{
		`CREATE CONSTRAINT link_works_at_key IF NOT EXISTS FOR ()-[r:WORKS_AT]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_contact_for_key IF NOT EXISTS FOR ()-[r:CONTACT_FOR]-() REQUIRE r.key IS UNIQUE`,
	}, nil},
	{3, "access: tokens and the audit log", []string{
		`CREATE CONSTRAINT token_id IF NOT EXISTS FOR (t:Token) REQUIRE t.id IS UNIQUE`,
		`CREATE CONSTRAINT token_hash IF NOT EXISTS FOR (t:Token) REQUIRE t.hash IS UNIQUE`,
		`CREATE CONSTRAINT counter_name IF NOT EXISTS FOR (c:Counter) REQUIRE c.name IS UNIQUE`,
		`CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.id IS UNIQUE`,
		`CREATE INDEX audit_entry_subject IF NOT EXISTS FOR (e:AuditEntry) ON (e.subject)`,
		`CREATE INDEX audit_entry_actor IF NOT EXISTS FOR (e:AuditEntry) ON (e.actor)`,
	}, nil},
	{4, "a native graph: every field a property", []string{
		// What an analyst looks up first.
		`CREATE INDEX node_name IF NOT EXISTS FOR (n:Node) ON (n.name)`,
		`CREATE INDEX territory_kind IF NOT EXISTS FOR (n:Territory) ON (n.territory_kind)`,
		`CREATE INDEX project_status IF NOT EXISTS FOR (n:Project) ON (n.status)`,
	}, fillProperties},
	{5, "consultations, cycles and meetings", []string{
		`CREATE CONSTRAINT link_moderates_key IF NOT EXISTS FOR ()-[r:MODERATES]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_held_in_key IF NOT EXISTS FOR ()-[r:HELD_IN]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_cycle_of_key IF NOT EXISTS FOR ()-[r:CYCLE_OF]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_member_of_key IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_contact_in_key IF NOT EXISTS FOR ()-[r:CONTACT_IN]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_meeting_of_key IF NOT EXISTS FOR ()-[r:MEETING_OF]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_on_theme_key IF NOT EXISTS FOR ()-[r:ON_THEME]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_concerns_key IF NOT EXISTS FOR ()-[r:CONCERNS]-() REQUIRE r.key IS UNIQUE`,
	}, nil},
	{6, "what a territory needs: priorities and the crosswalk", []string{
		`CREATE CONSTRAINT link_corresponds_to_key IF NOT EXISTS FOR ()-[r:CORRESPONDS_TO]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_prioritises_key IF NOT EXISTS FOR ()-[r:PRIORITISES]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_prioritises_group_key IF NOT EXISTS FOR ()-[r:PRIORITISES_GROUP]-() REQUIRE r.key IS UNIQUE`,
	}, nil},
	{7, "programmes", []string{
		`CREATE CONSTRAINT link_part_of_programme_key IF NOT EXISTS FOR ()-[r:PART_OF_PROGRAMME]-() REQUIRE r.key IS UNIQUE`,
	}, nil},
	{8, "roles in a territory", []string{
		`CREATE CONSTRAINT link_holds_role_key IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_person_holds_role_key IF NOT EXISTS FOR ()-[r:PERSON_HOLDS_ROLE]-() REQUIRE r.key IS UNIQUE`,
		`CREATE CONSTRAINT link_foresees_role_key IF NOT EXISTS FOR ()-[r:FORESEES_ROLE]-() REQUIRE r.key IS UNIQUE`,
	}, nil},
	{9, "no index that no query uses", []string{
		// Every list matches its kind's label, (n:Project), and an index
		// on (:Node) serves only a match on :Node: the lists were read by
		// label and sorted top-k, whatever these said. Each cost an import
		// some 0.4 s of the server's CPU per 30,000 entities. The
		// properties stay (ORDER BY reads them).
		`DROP INDEX node_kind IF EXISTS`,
		`DROP INDEX node_sort_nl IF EXISTS`,
		`DROP INDEX node_sort_fr IF EXISTS`,
		`DROP INDEX node_sort_en IF EXISTS`,
	}, nil},
}

// migrate applies the migrations the database has not seen yet, in order,
// and records each in the (:SchemaVersion {version}) node. Neo4j does not
// mix schema changes and data writes in one transaction, so each statement
// runs in its own, and the version is recorded after them.
func (db *DB) migrate(ctx context.Context) error {
	current, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	for _, m := range migrations {
		if m.version <= current {
			continue
		}
		for _, stmt := range m.statements {
			if _, err := writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
				return struct{}{}, exec(ctx, tx, stmt, nil)
			}); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
			}
		}
		if m.fill != nil {
			if err := m.fill(ctx, db); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
			}
		}
		now := formatTime(db.now())
		if _, err := writeTx(ctx, db, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, `
				MERGE (v:SchemaVersion)
				ON CREATE SET v.version = 0
				WITH v
				WHERE v.version < $version
				SET v.version = $version, v.applied_at = $now`,
				map[string]any{"version": m.version, "now": now})
		}); err != nil {
			return fmt.Errorf("record migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

// SchemaVersion returns the number of the last migration applied, 0 for a
// database never opened by this store.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	return readTx(ctx, db, func(tx neo4j.ManagedTransaction) (int, error) {
		recs, err := collect(ctx, tx, `MATCH (v:SchemaVersion) RETURN max(v.version) AS version`, nil)
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		v, err := value[int64](recs[0], "version")
		return int(v), err
	})
}
