package jp.kosodatehub.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A kind of event (salon, class, consultation …), kept by the office as reference data. */
@Entity
@Table(name = "event_kind")
public class EventKind extends ReferenceItem {

    protected EventKind() {
    }

    public EventKind(String code, String nameJa, String nameEn, int sortOrder) {
        super(code, nameJa, nameEn, sortOrder);
    }
}
