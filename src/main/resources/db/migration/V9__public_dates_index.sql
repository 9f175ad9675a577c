-- The feed's first page must find the soonest public dates among tens of thousands without joining and sorting
-- them all: each date keeps a copy of "its event is public" (published or cancelled), kept in step by the
-- application on every status change, and the feed reads (public, start) from one index.
ALTER TABLE event_occurrence ADD COLUMN event_public BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE event_occurrence SET event_public = TRUE
    WHERE event_id IN (SELECT id FROM event WHERE status IN ('PUBLISHED', 'CANCELLED'));

-- The feed orders by (public, start, id), so the first page is read in index order and the scan stops after it;
-- the end time rides along so that counting the upcoming dates ("N件") never visits the rows.
CREATE INDEX event_occurrence_public_start_idx ON event_occurrence (event_public, starts_at, id, ends_at);
