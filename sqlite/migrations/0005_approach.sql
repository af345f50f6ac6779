-- Building blocks 7 and 8 belong to the approach of the caring-neighbourhoods
-- framework, not to a pillar "D" (seed 003 has three pillars): what was
-- stored as pillar D becomes approach.
UPDATE nodes
SET data = json_set(json_remove(data, '$.pillar'), '$.approach', json('true'))
WHERE kind = 'function' AND json_extract(data, '$.pillar') = 'D';
