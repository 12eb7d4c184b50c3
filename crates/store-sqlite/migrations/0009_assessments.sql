-- Ex-ante impact assessment: the decisions register, templates, rules, and assessments.
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    description TEXT,
    body TEXT NOT NULL,
    decision_type TEXT NOT NULL,
    sector_id INTEGER REFERENCES sectors (id),
    preparer TEXT NOT NULL,
    planned_on TEXT NOT NULL,
    euros INTEGER,
    case_ref TEXT,
    status TEXT NOT NULL CHECK (status IN ('preparing', 'assessed', 'decided', 'followed_up')),
    decided_on TEXT,
    decision_ref TEXT,
    chosen_alternative INTEGER,
    follow_up_on TEXT,
    realised TEXT,
    follow_up_note TEXT,
    followed_up_on TEXT,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX decisions_org ON decisions (org_id, planned_on);

CREATE TABLE decision_alternatives (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    is_zero BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX decision_alternatives_decision ON decision_alternatives (decision_id, position);

-- An organisation whose default templates and rules have been created.
CREATE TABLE assessment_setups (
    org_id INTEGER PRIMARY KEY REFERENCES organisations (id)
);

CREATE TABLE assessment_templates (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    key TEXT NOT NULL,
    def_json TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (org_id, key)
);

CREATE TABLE assessment_rules (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    template_key TEXT NOT NULL,
    body TEXT,
    decision_type TEXT,
    sector_id INTEGER REFERENCES sectors (id),
    min_euros INTEGER
);

-- An assessment keeps its template as it was when it started (def_json).
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    template_key TEXT NOT NULL,
    def_json TEXT NOT NULL,
    groups TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft', 'complete')),
    conclusion TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (decision_id, template_key)
);

CREATE TABLE assessment_ratings (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    alternative_id INTEGER NOT NULL REFERENCES decision_alternatives (id),
    area INTEGER NOT NULL,
    grp INTEGER NOT NULL,
    short_term INTEGER,
    long_term INTEGER,
    uncertain BOOLEAN NOT NULL DEFAULT FALSE,
    justification TEXT,
    PRIMARY KEY (assessment_id, alternative_id, area, grp)
);

CREATE TABLE assessment_participants (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    kind TEXT NOT NULL,
    who TEXT NOT NULL,
    heard_on TEXT NOT NULL,
    method TEXT NOT NULL,
    views TEXT
);
CREATE INDEX assessment_participants_assessment ON assessment_participants (assessment_id);

CREATE TABLE assessment_citations (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id),
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    grp INTEGER,
    baseline_year INTEGER,
    baseline_value REAL,
    PRIMARY KEY (assessment_id, indicator_id)
);
