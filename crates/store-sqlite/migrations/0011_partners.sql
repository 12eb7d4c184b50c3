-- NGO partners: the partner registry, the activity directory, grants and premises.
CREATE TABLE partners (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    partner_org_id INTEGER NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_email TEXT,
    contact_phone TEXT,
    note TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (org_id, partner_org_id)
);

CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    title_fi TEXT,
    title_sv TEXT,
    title_en TEXT,
    description_fi TEXT,
    description_sv TEXT,
    description_en TEXT,
    kind TEXT NOT NULL,
    theme TEXT NOT NULL,
    target_group TEXT NOT NULL,
    age_min INTEGER,
    age_max INTEGER,
    area_id INTEGER REFERENCES areas (id),
    languages TEXT NOT NULL,
    schedule TEXT NOT NULL,
    place TEXT,
    contact TEXT NOT NULL,
    published BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX activities_org ON activities (org_id);
CREATE INDEX activities_published ON activities (published, theme);

CREATE TABLE grant_calls (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    description TEXT,
    year INTEGER NOT NULL,
    total_euros INTEGER NOT NULL,
    deadline TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX grant_calls_org ON grant_calls (org_id, year);

CREATE TABLE grant_applications (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES grant_calls (id),
    applicant_org_id INTEGER NOT NULL REFERENCES organisations (id),
    purpose TEXT NOT NULL,
    euros_applied INTEGER NOT NULL,
    applied_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('applied', 'granted', 'rejected', 'reported')),
    euros_granted INTEGER,
    decided_on TEXT,
    decision_ref TEXT,
    report_text TEXT,
    euros_used INTEGER,
    reported_on TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX grant_applications_call ON grant_applications (call_id);
CREATE INDEX grant_applications_applicant ON grant_applications (applicant_org_id);

CREATE TABLE premises (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    area_id INTEGER REFERENCES areas (id),
    capacity INTEGER,
    available_for TEXT NOT NULL,
    booking_contact TEXT NOT NULL,
    price TEXT,
    published BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX premises_org ON premises (org_id);
