-- Indicator sets: THL's minimum data content for municipal and county well-being reports (national,
-- no owner) and an organisation's own set (at most one per organisation). Every edit writes a new
-- version; older versions stay. A version's names and source are its domain input as JSON (`body`);
-- its indicators are rows, so an indicator in a set cannot disappear under it.
CREATE TABLE indicator_sets (
    id INTEGER PRIMARY KEY,
    org_id INTEGER REFERENCES organisations (id),
    kind TEXT NOT NULL CHECK (kind IN ('municipal', 'county', 'own')),
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((kind = 'own') = (org_id IS NOT NULL))
);
CREATE UNIQUE INDEX indicator_sets_own ON indicator_sets (org_id) WHERE org_id IS NOT NULL;
CREATE UNIQUE INDEX indicator_sets_national ON indicator_sets (kind) WHERE org_id IS NULL;

CREATE TABLE indicator_set_versions (
    set_id INTEGER NOT NULL REFERENCES indicator_sets (id),
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    changed_by INTEGER REFERENCES users (id),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (set_id, version)
);

CREATE TABLE indicator_set_items (
    set_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    PRIMARY KEY (set_id, version, position),
    FOREIGN KEY (set_id, version) REFERENCES indicator_set_versions (set_id, version)
);
