-- Interface services: services shared by a county, its municipalities, the state and NGOs, with
-- their parties, chain steps, division of work (kept as versions), cooperation agreements (the
-- signed document in the database), monitored indicators and yearly evaluations. A record's fields
-- are its domain input as JSON (`body`); the columns beside it are what queries filter and check.
CREATE TABLE ifc_services (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    published BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE ifc_parties (
    service_id INTEGER NOT NULL REFERENCES ifc_services (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL,
    PRIMARY KEY (service_id, org_id)
);
CREATE INDEX ifc_parties_org ON ifc_parties (org_id);

CREATE TABLE ifc_steps (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES ifc_services (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    position INTEGER NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ifc_steps_service ON ifc_steps (service_id);

CREATE TABLE ifc_work (
    service_id INTEGER NOT NULL REFERENCES ifc_services (id),
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    changed_by INTEGER REFERENCES users (id),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (service_id, version)
);

CREATE TABLE ifc_agreements (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE ifc_agreement_parties (
    agreement_id INTEGER NOT NULL REFERENCES ifc_agreements (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (agreement_id, org_id)
);
CREATE INDEX ifc_agreement_parties_org ON ifc_agreement_parties (org_id);

CREATE TABLE ifc_documents (
    agreement_id INTEGER PRIMARY KEY REFERENCES ifc_agreements (id),
    filename TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_at TEXT NOT NULL
);

CREATE TABLE ifc_indicators (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES ifc_services (id),
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    body TEXT NOT NULL
);
CREATE INDEX ifc_indicators_service ON ifc_indicators (service_id);

CREATE TABLE ifc_evaluations (
    service_id INTEGER NOT NULL REFERENCES ifc_services (id),
    year INTEGER NOT NULL,
    body TEXT NOT NULL,
    contributors TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (service_id, year)
);
