package jp.kosodatehub.security;

/** The role names used in {@code @RolesAllowed}, kept in one place. */
public final class Roles {

    public static final String COORDINATOR = "COORDINATOR";
    public static final String MEMBER = "MEMBER";

    private Roles() {
    }
}
