-- The instance administrator (ylläpitäjä): national data and catalogue settings (Sotkanet imports,
-- national indicators' settings) belong to this role, not to any organisation.
ALTER TABLE users ADD COLUMN instance_admin BOOLEAN NOT NULL DEFAULT FALSE;
