-- Plan items are edited in place: priorities and goals get a version (measures have one).
ALTER TABLE plan_priorities ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plan_goals ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- An organisation's default section structure for its new reports (THL's when it has none):
-- the sections as JSON ([{key, kind, title}]), edited as a whole.
CREATE TABLE org_report_structures (
    org_id INTEGER PRIMARY KEY REFERENCES organisations (id),
    sections_json TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
