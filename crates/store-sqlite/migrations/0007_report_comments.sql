-- Review comments on a report's sections (e.g. by the welfare group).
CREATE TABLE report_comments (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id),
    section_id INTEGER NOT NULL REFERENCES report_sections (id),
    user_id INTEGER REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX report_comments_report ON report_comments (report_id, id);
