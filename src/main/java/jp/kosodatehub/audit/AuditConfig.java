package jp.kosodatehub.audit;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.springframework.stereotype.Component;

/** Hooks {@link AuditRecorder} into Hibernate once the persistence unit is up, before any request or job runs. */
@Component
class AuditConfig {

    AuditConfig(EntityManagerFactory entityManagerFactory, Clock clock) {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().requireService(EventListenerRegistry.class);
        AuditRecorder recorder = new AuditRecorder(clock);
        registry.appendListeners(EventType.POST_INSERT, recorder);
        registry.appendListeners(EventType.POST_UPDATE, recorder);
        registry.appendListeners(EventType.POST_DELETE, recorder);
    }
}
