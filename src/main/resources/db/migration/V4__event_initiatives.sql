-- Which initiatives (取組) of the shared goals an event serves. Events keep only the ids, so that the events
-- feature does not depend on the goals feature; the foreign key still keeps the ids honest.
-- Runs unchanged on H2 and PostgreSQL.

CREATE TABLE event_initiative (
    event_id       BIGINT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    initiative_id  BIGINT NOT NULL REFERENCES goal_initiative (id),
    PRIMARY KEY (event_id, initiative_id)
);

-- The initiative page looks events up by initiative.
CREATE INDEX event_initiative_by_initiative ON event_initiative (initiative_id, event_id);
