package jp.kosodatehub.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A district (地区) of the ward; parents filter the feed by it. */
@Entity
@Table(name = "district")
public class District extends ReferenceItem {

    protected District() {
    }

    public District(String code, String nameJa, String nameEn, int sortOrder) {
        super(code, nameJa, nameEn, sortOrder);
    }
}
