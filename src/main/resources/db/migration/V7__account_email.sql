-- Mail notifications: where a person wants to hear about their submissions, and who submitted what.

-- Optional: an account without an address gets no mail; its organisation's other members may.
ALTER TABLE account ADD COLUMN email VARCHAR(254);

-- The history kept only the actor's display name, which cannot be mailed; the account id finds the submitter.
-- No foreign key: the history must outlive whatever happens to an account. Older rows stay empty.
ALTER TABLE event_status_change ADD COLUMN actor_account_id BIGINT;
