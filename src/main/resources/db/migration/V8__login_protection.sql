-- Login protection: failed logins are counted per account and a run of them locks the account for a while.
-- Kept in the database so that a restart does not unlock an account and the office can see and lift a lock.
ALTER TABLE account ADD COLUMN failed_logins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE account ADD COLUMN first_failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE account ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
