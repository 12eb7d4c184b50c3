-- Imports into the knowledge base: who uploaded what, and what came of it.
CREATE TABLE import_jobs (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    user_id INTEGER REFERENCES users (id),
    file TEXT NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed')),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    written INTEGER NOT NULL,
    summary TEXT
);
CREATE INDEX import_jobs_org ON import_jobs (org_id, id);
