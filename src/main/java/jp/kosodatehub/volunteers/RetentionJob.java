package jp.kosodatehub.volunteers;

import jp.kosodatehub.security.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, anonymises applicants whose last activity is older than the retention period. Runs as the system
 * through the service, so it obeys the same rules as the office; it logs only the count, never who it was.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final ApplicantService applicants;

    RetentionJob(ApplicantService applicants) {
        this.applicants = applicants;
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "Asia/Tokyo")
    void anonymiseExpired() {
        int count = SystemAccess.runAsSystem(applicants::anonymiseExpired);
        log.info("Retention: anonymised {} applicant(s) past the retention period", count);
    }
}
