package be.proactief.function.checkapi.security;

import java.util.Set;

/**
 * Who calls: the person (the token's {@code sub}; for an application acting for itself, its client id), the
 * application they call through (the token's {@code client_id}, null when the token names none), and the scopes
 * the token grants.
 */
public record Caller(String id, String application, Set<String> scopes) {

    public static final String REQUEST_ATTRIBUTE = "proactief.caller";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** The caller as the domain records who acted. */
    public be.proactief.core.audit.Actor actor() {
        return new be.proactief.core.audit.Actor(id, application);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
