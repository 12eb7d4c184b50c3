-- HYTE in the county's services: providers, the services register, contracts with HYTE quality
-- criteria and their monitoring reports, strategy documents, client participation and feedback.
-- Each record's fields are its domain input as JSON (`body`); the columns beside it are what
-- queries filter, join and check on.
CREATE TABLE svc_providers (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    member_org_id INTEGER REFERENCES organisations (id),
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX svc_providers_org ON svc_providers (org_id);
CREATE INDEX svc_providers_member ON svc_providers (member_org_id);

CREATE TABLE svc_services (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    provider_id INTEGER REFERENCES svc_providers (id),
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX svc_services_org ON svc_services (org_id);

CREATE TABLE svc_contracts (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    provider_id INTEGER NOT NULL REFERENCES svc_providers (id),
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX svc_contracts_org ON svc_contracts (org_id);
CREATE INDEX svc_contracts_provider ON svc_contracts (provider_id);

CREATE TABLE svc_criteria (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES svc_contracts (id),
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX svc_criteria_contract ON svc_criteria (contract_id);

CREATE TABLE svc_reports (
    id INTEGER PRIMARY KEY,
    criterion_id INTEGER NOT NULL REFERENCES svc_criteria (id),
    period TEXT NOT NULL,
    value REAL NOT NULL,
    comment TEXT,
    state TEXT NOT NULL,
    review_comment TEXT,
    reported_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (criterion_id, period)
);

CREATE TABLE svc_strategies (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    state TEXT NOT NULL,
    previous_id INTEGER REFERENCES svc_strategies (id),
    body TEXT NOT NULL,
    goals TEXT NOT NULL,
    approval TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX svc_strategies_org ON svc_strategies (org_id);

CREATE TABLE svc_participation (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES svc_services (id),
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX svc_participation_service ON svc_participation (service_id);

CREATE TABLE svc_feedback (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES svc_services (id),
    period TEXT NOT NULL,
    measure TEXT NOT NULL,
    value REAL NOT NULL,
    count INTEGER NOT NULL,
    client_group TEXT
);
CREATE INDEX svc_feedback_service ON svc_feedback (service_id);
