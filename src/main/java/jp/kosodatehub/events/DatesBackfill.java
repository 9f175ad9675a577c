package jp.kosodatehub.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives events stored before dates were kept (or restored from an old backup) their dates, once, at start-up, and
 * brings series counted the old way (skipped days included in the count) in step.
 */
@Component
@Order(1)
class DatesBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DatesBackfill.class);

    private final Occurrences occurrences;

    DatesBackfill(Occurrences occurrences) {
        this.occurrences = occurrences;
    }

    @Override
    public void run(ApplicationArguments args) {
        int filled = occurrences.backfill();
        if (filled > 0) {
            log.info("Computed the dates of {} events", filled);
        }
        occurrences.recount();
    }
}
