package be.proactief.function.checkapi.security;

import java.util.Set;

/** Who calls (client id or subject of the token) and the scopes the token grants. */
public record Caller(String id, Set<String> scopes) {

    public static final String REQUEST_ATTRIBUTE = "proactief.caller";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
