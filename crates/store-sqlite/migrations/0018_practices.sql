-- The good-practice library: practices (their content as the domain's JSON, `body`), owned by the
-- organisation that wrote or imported them; adoptions (an organisation uses a practice, since a
-- date, as a measure of its plan: the link is cleared when the measure is removed); a county's
-- recommendations of practices for a content area and year, to all its municipalities or one.
CREATE TABLE practices (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    body TEXT NOT NULL,
    published BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX practices_org ON practices (org_id);

CREATE TABLE practice_adoptions (
    id INTEGER PRIMARY KEY,
    practice_id INTEGER NOT NULL REFERENCES practices (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    measure_id INTEGER REFERENCES plan_measures (id) ON DELETE SET NULL,
    since TEXT NOT NULL,
    results TEXT
);
CREATE INDEX practice_adoptions_practice ON practice_adoptions (practice_id);
CREATE INDEX practice_adoptions_org ON practice_adoptions (org_id);
CREATE INDEX practice_adoptions_measure ON practice_adoptions (measure_id);

CREATE TABLE practice_recommendations (
    id INTEGER PRIMARY KEY,
    county_id INTEGER NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    area TEXT NOT NULL,
    practice_id INTEGER NOT NULL REFERENCES practices (id),
    municipality_id INTEGER REFERENCES organisations (id),
    note TEXT
);
CREATE INDEX practice_recommendations_county ON practice_recommendations (county_id);
CREATE INDEX practice_recommendations_municipality ON practice_recommendations (municipality_id);
