package jp.kosodatehub.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import jp.kosodatehub.audit.AuditEntry;
import jp.kosodatehub.base.i18n.TranslationProvider;

/** Names of record types and fields as the user reads them; a field with no name of its own shows as stored. */
final class AuditTexts {

    private AuditTexts() {
    }

    static String entity(Component source, String type) {
        return named(source, "audit.entity." + type, type);
    }

    static String field(Component source, String field) {
        return named(source, "audit.field." + field, field);
    }

    /** The login name, or for entries made without a login who made them (the application, a visitor). */
    static String who(Component source, AuditEntry entry) {
        String username = entry.getUsername();
        boolean unnamed = entry.getAccountId() == null
                && (AuditEntry.SYSTEM.equals(username) || AuditEntry.ANONYMOUS.equals(username));
        return unnamed ? named(source, "audit.who." + username, username) : username;
    }

    private static String named(Component source, String key, String fallback) {
        UI ui = UI.getCurrent();
        return TranslationProvider.bundle(ui == null ? null : ui.getLocale()).containsKey(key) ? source.getTranslation(key)
                : fallback;
    }
}
