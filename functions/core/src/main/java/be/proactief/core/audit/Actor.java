package be.proactief.core.audit;

import java.util.Objects;

/**
 * Who acted: the person (a caseworker, a desk clerk; for an application acting for itself, that application)
 * and the application they acted through ({@code null} when the caller names none). Audited, and stored as an
 * override's author and its revoker.
 */
public record Actor(String person, String application) {

    public Actor {
        Objects.requireNonNull(person, "person");
    }

    /** An application acting for itself: a portal, billing, the voucher run. */
    public static Actor application(String id) {
        return new Actor(id, id);
    }
}
