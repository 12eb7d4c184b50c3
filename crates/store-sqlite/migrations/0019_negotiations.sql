-- The yearly HYTE negotiation between a county and each of its member municipalities (its meeting,
-- agenda and minutes as the domain's JSON `body`), the actions agreed in it (tracked to done), and
-- the well-being reports municipalities send to their county (acknowledged, with feedback).
CREATE TABLE sup_negotiations (
    id INTEGER PRIMARY KEY,
    county_org_id INTEGER NOT NULL REFERENCES organisations (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (county_org_id, org_id, year)
);
CREATE INDEX sup_negotiations_org ON sup_negotiations (org_id);

CREATE TABLE sup_negotiation_actions (
    id INTEGER PRIMARY KEY,
    negotiation_id INTEGER NOT NULL REFERENCES sup_negotiations (id),
    body TEXT NOT NULL,
    done_on TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sup_negotiation_actions_negotiation ON sup_negotiation_actions (negotiation_id);

CREATE TABLE sup_sent_reports (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    county_org_id INTEGER NOT NULL REFERENCES organisations (id),
    content_version INTEGER NOT NULL,
    sent_at TEXT NOT NULL,
    sent_by INTEGER REFERENCES users (id),
    acknowledged_at TEXT,
    feedback TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (report_id, content_version)
);
CREATE INDEX sup_sent_reports_county ON sup_sent_reports (county_org_id);
CREATE INDEX sup_sent_reports_org ON sup_sent_reports (org_id);
