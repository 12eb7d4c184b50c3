-- Well-being reports (term and annual), their sections, and their approved versions.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL CHECK (kind IN ('term', 'annual')),
    term_start INTEGER NOT NULL,
    term_end INTEGER NOT NULL,
    -- The year of an annual report; 0 for a term report (keeps the uniqueness below simple).
    year INTEGER NOT NULL DEFAULT 0,
    languages TEXT NOT NULL,
    title TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'in_review', 'approved', 'published')),
    based_on INTEGER REFERENCES reports (id),
    content_version INTEGER NOT NULL DEFAULT 1,
    published_version INTEGER,
    approval_body TEXT,
    approval_date TEXT,
    approval_ref TEXT,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (org_id, kind, term_start, year)
);

CREATE TABLE report_sections (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id),
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('narrative', 'indicators', 'plan')),
    title_fi TEXT NOT NULL,
    title_sv TEXT,
    title_en TEXT,
    body_fi TEXT NOT NULL DEFAULT '',
    body_sv TEXT NOT NULL DEFAULT '',
    indicator_ids TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX report_sections_report ON report_sections (report_id, position);

-- An approved version's content, frozen: the published page and the version diff read it.
CREATE TABLE report_versions (
    report_id INTEGER NOT NULL REFERENCES reports (id),
    number INTEGER NOT NULL,
    approved_at TEXT NOT NULL,
    approval_body TEXT NOT NULL,
    approval_date TEXT NOT NULL,
    approval_ref TEXT NOT NULL,
    content_json TEXT NOT NULL,
    PRIMARY KEY (report_id, number)
);
