-- Cross-sectoral leadership and cooperation: responsibilities and the duties matrix, groups
-- with members, meetings and agreements, contact pairs, the HYTE staircase, the timeline.
CREATE TABLE hyte_responsibility (
    org_id INTEGER PRIMARY KEY REFERENCES organisations (id),
    person TEXT,
    body TEXT,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE duty_owners (
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    duty_key TEXT NOT NULL,
    sector_id INTEGER NOT NULL REFERENCES sectors (id),
    lead BOOLEAN NOT NULL,
    PRIMARY KEY (org_id, duty_key, sector_id)
);

CREATE TABLE coop_groups (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    mandate TEXT,
    tasks TEXT,
    chair TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX coop_groups_org ON coop_groups (org_id);

CREATE TABLE group_members (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES coop_groups (id),
    person TEXT NOT NULL,
    org_name TEXT NOT NULL,
    org_kind TEXT NOT NULL,
    member_org_id INTEGER REFERENCES organisations (id),
    role TEXT NOT NULL
);
CREATE INDEX group_members_group ON group_members (group_id);

CREATE TABLE group_meetings (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES coop_groups (id),
    held_on TEXT NOT NULL,
    agenda TEXT,
    minutes TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX group_meetings_group ON group_meetings (group_id, held_on);

CREATE TABLE group_agreements (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES coop_groups (id),
    meeting_id INTEGER NOT NULL REFERENCES group_meetings (id),
    what TEXT NOT NULL,
    who TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done_on TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX group_agreements_group ON group_agreements (group_id);

-- municipality_area_id 0: the region's own side.
CREATE TABLE contact_pairs (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    theme TEXT NOT NULL,
    municipality_area_id INTEGER NOT NULL,
    person TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    UNIQUE (org_id, theme, municipality_area_id)
);

CREATE TABLE maturity_assessments (
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 7),
    justification TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (org_id, year)
);

CREATE TABLE timeline_tasks (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT NOT NULL,
    responsible TEXT,
    status TEXT NOT NULL,
    link TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX timeline_tasks_org ON timeline_tasks (org_id, ends);
