-- A list searched by name (filter: {search:}) reads the names from the
-- index its page is sorted by: each entry now ends with the entity's
-- search text, so SQLite tests it there and reads an entity's row only for
-- a match on the page, and counts the matches from the index alone. For the
-- region's 20,000 organisations, counting the names that contain a word
-- took 25-30 ms through the table, and the page of a rare word read the
-- whole kind's rows; both now read one index of some 2 MB.
DROP INDEX nodes_sort_nl;
DROP INDEX nodes_sort_fr;
DROP INDEX nodes_sort_en;
CREATE INDEX nodes_sort_nl ON nodes (kind, sort_nl, id, search);
CREATE INDEX nodes_sort_fr ON nodes (kind, sort_fr, id, search);
CREATE INDEX nodes_sort_en ON nodes (kind, sort_en, id, search);
