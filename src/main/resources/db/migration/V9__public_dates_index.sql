-- The feed's first page must find the soonest public dates among tens of thousands without joining and sorting
-- them all: each date keeps a copy of "its event is public" (published or cancelled), kept in step by the
-- application on every status change, and the feed reads (public, start) from one index.
ALTER TABLE event_occurrence ADD COLUMN event_public BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE event_occurrence SET event_public = TRUE
    WHERE event_id IN (SELECT id FROM event WHERE status IN ('PUBLISHED', 'CANCELLED'));

CREATE INDEX event_occurrence_public_start_idx ON event_occurrence (event_public, starts_at, id);
