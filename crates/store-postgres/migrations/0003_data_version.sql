-- A counter bumped by every write of observations, so that caches of computed views (area
-- profiles) in any app server know when to recompute.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
