package jp.kosodatehub.organisations;

/** The kinds of member organisation in the network; the UI names them through {@code organisation.kind.*} keys. */
public enum OrganisationKind {
    SALON,
    NURSERY,
    CHILDCARE_HUB,
    NPO,
    WELFARE_COMMISSIONER,
    WARD_OFFICE,
    CHILDREN_CAFETERIA,
    OTHER;

    public String translationKey() {
        return "organisation.kind." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
