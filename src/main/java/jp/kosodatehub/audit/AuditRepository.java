package jp.kosodatehub.audit;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Read-only on purpose: entries are written by {@link AuditRecorder} and never changed. */
interface AuditRepository extends Repository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {
}
