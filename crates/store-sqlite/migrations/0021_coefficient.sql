-- The HYTE coefficient: models (each load of a model file is the next version of its code; the
-- newest is in force), TEAviisari-style results per area, sector, item ('' = the sector's own
-- score) and year, and organisations' saved scenarios (their changes and what they were worth
-- when saved, as the domain's JSON `body`), optionally attached to a goal of the plan.
CREATE TABLE coefficient_models (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    funding_year INTEGER NOT NULL,
    status TEXT NOT NULL,
    text TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    UNIQUE (code, version)
);

CREATE TABLE teaviisari_results (
    area_id INTEGER NOT NULL REFERENCES areas (id),
    sector TEXT NOT NULL,
    item TEXT NOT NULL,
    year INTEGER NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (area_id, sector, item, year)
);
CREATE INDEX teaviisari_results_year ON teaviisari_results (year);

CREATE TABLE coefficient_scenarios (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    model_id INTEGER NOT NULL REFERENCES coefficient_models (id),
    goal_id INTEGER REFERENCES plan_goals (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX coefficient_scenarios_org ON coefficient_scenarios (org_id);
CREATE INDEX coefficient_scenarios_goal ON coefficient_scenarios (goal_id);
