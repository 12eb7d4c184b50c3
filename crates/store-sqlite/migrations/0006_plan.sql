-- The well-being plan of a report: priorities → goals (with indicator targets) → measures.
CREATE TABLE plan_priorities (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT
);
CREATE INDEX plan_priorities_report ON plan_priorities (report_id, position);

CREATE TABLE plan_goals (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id),
    priority_id INTEGER NOT NULL REFERENCES plan_priorities (id),
    title TEXT NOT NULL
);
CREATE INDEX plan_goals_report ON plan_goals (report_id);

CREATE TABLE plan_goal_targets (
    goal_id INTEGER NOT NULL REFERENCES plan_goals (id),
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    baseline_year INTEGER NOT NULL,
    baseline_value REAL NOT NULL,
    target_year INTEGER NOT NULL,
    target_value REAL NOT NULL,
    PRIMARY KEY (goal_id, indicator_id)
);

CREATE TABLE plan_measures (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id),
    title TEXT NOT NULL,
    description TEXT,
    sector_id INTEGER REFERENCES sectors (id),
    responsible_person TEXT,
    start_year INTEGER,
    end_year INTEGER,
    euros INTEGER,
    person_years REAL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'postponed', 'cancelled')),
    comment TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plan_measures_report ON plan_measures (report_id);

CREATE TABLE plan_measure_goals (
    measure_id INTEGER NOT NULL REFERENCES plan_measures (id),
    goal_id INTEGER NOT NULL REFERENCES plan_goals (id),
    PRIMARY KEY (measure_id, goal_id)
);
