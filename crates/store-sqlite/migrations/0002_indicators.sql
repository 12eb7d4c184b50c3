-- The knowledge base: indicators (national from Sotkanet, or an organisation's own) and their
-- observations by area, year and population group (sex, age band).
CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    org_id INTEGER REFERENCES organisations (id),
    -- org_id, or 0 for national indicators: keeps (source, source_id, org_key) unique.
    org_key INTEGER NOT NULL DEFAULT 0,
    title_fi TEXT NOT NULL,
    title_sv TEXT,
    title_en TEXT,
    texts_json TEXT NOT NULL DEFAULT '{}',
    value_type TEXT NOT NULL,
    decimals INTEGER NOT NULL DEFAULT 1,
    polarity TEXT NOT NULL DEFAULT 'no_direction',
    producer TEXT,
    attribution TEXT NOT NULL,
    themes TEXT NOT NULL DEFAULT '',
    data_updated TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (source, source_id, org_key)
);

CREATE TABLE observations (
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    area_id INTEGER NOT NULL REFERENCES areas (id),
    sex TEXT NOT NULL CHECK (sex IN ('total', 'male', 'female')),
    age_band TEXT NOT NULL DEFAULT '',
    year INTEGER NOT NULL,
    value REAL,
    numerator REAL,
    denominator REAL,
    suppressed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (indicator_id, area_id, sex, age_band, year)
) WITHOUT ROWID;
CREATE INDEX observations_area ON observations (area_id, indicator_id, year);

-- External region ids (e.g. Sotkanet's) with their category, mapped onto areas where Hyte has
-- that kind of area (area_id is null for categories such as SEUTUKUNTA).
CREATE TABLE area_codes (
    source TEXT NOT NULL,
    external_id TEXT NOT NULL,
    category TEXT NOT NULL,
    area_id INTEGER REFERENCES areas (id),
    PRIMARY KEY (source, external_id)
);
