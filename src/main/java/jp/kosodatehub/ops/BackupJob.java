package jp.kosodatehub.ops;

import jp.kosodatehub.security.SystemAccess;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The nightly backup of the embedded database (a no-op with a log line on PostgreSQL). */
@Component
class BackupJob {

    private final BackupService backups;

    BackupJob(BackupService backups) {
        this.backups = backups;
    }

    @Scheduled(cron = "${kosodate.backup.cron:0 0 2 * * *}", zone = "Asia/Tokyo")
    void nightly() {
        SystemAccess.runAsSystem(backups::backupNow);
    }
}
