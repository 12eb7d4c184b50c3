-- The county's support to its municipalities (issue 14): the support-needs survey (its questions
-- as JSON), the municipalities it was sent to and their answers (per sector, with contributors, as
-- JSON), the yearly support plan, its actions (JSON) and their targeted municipalities, and the
-- log of support delivered with the receiving municipality's feedback. The columns beside a body
-- are what queries filter and check.
CREATE TABLE sup_surveys (
    id INTEGER PRIMARY KEY,
    county_org_id INTEGER NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    sent_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (county_org_id, year)
);

CREATE TABLE sup_survey_targets (
    survey_id INTEGER NOT NULL REFERENCES sup_surveys (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (survey_id, org_id)
);
CREATE INDEX sup_survey_targets_org ON sup_survey_targets (org_id);

CREATE TABLE sup_responses (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES sup_surveys (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    state TEXT NOT NULL,
    body TEXT NOT NULL,
    submitted_at TEXT,
    submitted_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (survey_id, org_id)
);

CREATE TABLE sup_plans (
    id INTEGER PRIMARY KEY,
    county_org_id INTEGER NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (county_org_id, year)
);

CREATE TABLE sup_actions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES sup_plans (id),
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sup_actions_plan ON sup_actions (plan_id);

CREATE TABLE sup_action_targets (
    action_id INTEGER NOT NULL REFERENCES sup_actions (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (action_id, org_id)
);
CREATE INDEX sup_action_targets_org ON sup_action_targets (org_id);

CREATE TABLE sup_deliveries (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES sup_plans (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    action_id INTEGER REFERENCES sup_actions (id),
    body TEXT NOT NULL,
    feedback TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sup_deliveries_plan ON sup_deliveries (plan_id);
CREATE INDEX sup_deliveries_org ON sup_deliveries (org_id);
