-- Areas: kinds are data, so future reforms need no code change.
CREATE TABLE area_kinds (
    code TEXT PRIMARY KEY,
    name_fi TEXT NOT NULL,
    name_sv TEXT,
    name_en TEXT,
    sort_order INTEGER NOT NULL
);

CREATE TABLE areas (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL REFERENCES area_kinds (code),
    code TEXT NOT NULL,
    name_fi TEXT NOT NULL,
    name_sv TEXT,
    name_en TEXT,
    first_year INTEGER,
    last_year INTEGER,
    UNIQUE (kind, code)
);

CREATE TABLE area_memberships (
    child_id INTEGER NOT NULL REFERENCES areas (id),
    parent_id INTEGER NOT NULL REFERENCES areas (id),
    year INTEGER NOT NULL,
    PRIMARY KEY (child_id, parent_id, year)
);
CREATE INDEX area_memberships_parent ON area_memberships (parent_id, year);

CREATE TABLE area_populations (
    area_id INTEGER NOT NULL REFERENCES areas (id),
    year INTEGER NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('total', 'male', 'female')),
    population INTEGER NOT NULL,
    derived INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (area_id, year, sex)
);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name_fi TEXT NOT NULL,
    name_sv TEXT,
    name_en TEXT,
    area_id INTEGER REFERENCES areas (id),
    created_at TEXT NOT NULL
);
CREATE INDEX organisations_area ON organisations (area_id);

CREATE TABLE sectors (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    name_fi TEXT NOT NULL,
    name_sv TEXT,
    name_en TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX sectors_org_name ON sectors (org_id, lower(name_fi));

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE memberships (
    user_id INTEGER NOT NULL REFERENCES users (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'editor', 'viewer')),
    sector_id INTEGER REFERENCES sectors (id),
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_org ON memberships (org_id);

-- Sessions live in the database so that several app servers can share one.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    success INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users (id),
    org_id INTEGER REFERENCES organisations (id),
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_log_org ON audit_log (org_id, id);
