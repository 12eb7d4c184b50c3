-- Login limits (issue 16, item 5): one row per account and per client address being logged into.
-- The login-limit transaction writes both rows first, so parallel attempts on one account or from
-- one address take turns counting the recent failures (a row lock on PostgreSQL; on SQLite
-- BEGIN IMMEDIATE already serialises). Old rows are deleted with old login attempts.
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    at TEXT NOT NULL
);
CREATE INDEX login_throttle_at ON login_throttle (at);
CREATE INDEX login_attempts_at ON login_attempts (at);
