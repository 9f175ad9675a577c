package jp.kosodatehub.audit;

/** What happened to a record. */
public enum AuditAction {
    INSERT, UPDATE, DELETE;

    public String translationKey() {
        return "audit.action." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
