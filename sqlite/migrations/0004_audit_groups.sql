-- An import records an entry for every entity and link it writes, all with
-- the same time, actor and action. The store keeps them as one row: subjects
-- holds their subjects in order (a JSON array), and the entries have the ids
-- id, id + 1, … (AUTOINCREMENT's counter is moved past the last). A region's
-- import then writes one audit row instead of 170,000, with their indexes.
-- The Neo4j store keeps an import's entries the same way.
ALTER TABLE audit_log ADD COLUMN subjects TEXT;
CREATE INDEX audit_log_groups ON audit_log (id) WHERE subjects IS NOT NULL;
