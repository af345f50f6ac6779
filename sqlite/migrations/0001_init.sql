-- Entities and links mirror the property graph the Neo4j store keeps: one
-- table of nodes, one of relationships. Each row carries the domain struct
-- as JSON in data; the other columns are what queries filter, sort and join on.

CREATE TABLE nodes (
	id                TEXT PRIMARY KEY,
	kind              TEXT NOT NULL,
	-- Folded names per language, so that sorting by name ignores case and
	-- accents with a plain comparison.
	sort_nl           TEXT,
	sort_fr           TEXT,
	sort_en           TEXT,
	-- Every language and the acronym folded into one string for LIKE search.
	search            TEXT NOT NULL,
	-- NULL for everything but organisations that have one; UNIQUE is how the
	-- store refuses a second organisation with the same number.
	enterprise_number TEXT UNIQUE,
	data              TEXT NOT NULL,
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL
);

CREATE INDEX nodes_kind ON nodes (kind);

CREATE TABLE links (
	kind       TEXT NOT NULL,
	from_id    TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
	to_id      TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
	data       TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (kind, from_id, to_id)
);

-- The primary key serves lookups by kind and start; these serve the walks
-- from either end whatever the kind (filters, profiles, cascading deletes).
-- Each holds the whole key, so a walk from link to link reads the index
-- alone; and with two equalities to the primary key's one, the planner
-- prefers them even before ANALYZE has told it how few kinds there are.
CREATE INDEX links_to ON links (to_id, kind, from_id);
CREATE INDEX links_from ON links (from_id, kind, to_id);
