package jp.kosodatehub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import jp.kosodatehub.base.i18n.TranslationProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The audit log names every record type and field it can list in the reader's language, never as stored. */
@SpringBootTest
class AuditNamesTest {

    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void everyAuditedRecordTypeAndFieldHasANameInBothLanguages() {
        SessionFactoryImplementor hibernate = entityManagers.unwrap(SessionFactoryImplementor.class);
        Set<String> keys = new TreeSet<>();
        for (EntityType<?> entity : entityManagers.getMetamodel().getEntities()) {
            String type = entity.getJavaType().getSimpleName();
            if (!AuditValues.audited(type)) {
                continue;
            }
            keys.add("audit.entity." + type);
            // The fields as the recorder sees them: Hibernate's property names of the record.
            EntityPersister persister = hibernate.getMappingMetamodel().getEntityDescriptor(entity.getJavaType());
            for (String field : persister.getPropertyNames()) {
                if (!AuditValues.ignored(field)) {
                    keys.add("audit.field." + field);
                }
            }
        }
        assertThat(keys).contains("audit.entity.Event", "audit.field.title").hasSizeGreaterThan(40);

        for (Locale locale : TranslationProvider.LOCALES) {
            ResourceBundle bundle = TranslationProvider.bundle(locale);
            assertThat(keys.stream().filter(key -> !bundle.containsKey(key)).toList())
                    .as("record types and fields the audit log would show untranslated in %s", locale).isEmpty();
        }
    }
}
