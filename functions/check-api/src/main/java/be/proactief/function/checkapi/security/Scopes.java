package be.proactief.function.checkapi.security;

/** The OAuth scopes of the API, as template.yaml's routes require them. */
public final class Scopes {

    /** checks and the scheme catalogue: desks, portals, billing */
    public static final String CHECK = "entitlements/check";
    /** overrides, decision history and review cases: caseworkers */
    public static final String OVERRIDE = "entitlements/override";

    private Scopes() {
    }
}
