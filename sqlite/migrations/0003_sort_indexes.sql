-- A page of a list sorted by name walks an index in that order and stops
-- after the page, rather than sorting every entity of the kind first. Each
-- index starts with the kind, so lookups by kind use them too and
-- nodes_kind is redundant.
CREATE INDEX nodes_sort_nl ON nodes (kind, sort_nl, id);
CREATE INDEX nodes_sort_fr ON nodes (kind, sort_fr, id);
CREATE INDEX nodes_sort_en ON nodes (kind, sort_en, id);
DROP INDEX nodes_kind;
