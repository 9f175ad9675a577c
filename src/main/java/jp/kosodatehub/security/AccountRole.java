package jp.kosodatehub.security;

public enum AccountRole {
    /** The coordinating office: moderates and administers the whole network. */
    COORDINATOR,
    /** Staff of one member organisation. */
    MEMBER;

    public String authority() {
        return "ROLE_" + name();
    }
}
