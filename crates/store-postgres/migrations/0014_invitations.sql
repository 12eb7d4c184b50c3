-- Memberships an organisation's admin has offered and the user has not yet answered: nobody
-- becomes a member of an organisation without accepting.
CREATE TABLE invitations (
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    sector_id BIGINT REFERENCES sectors (id),
    invited_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX invitations_user ON invitations (user_id);
