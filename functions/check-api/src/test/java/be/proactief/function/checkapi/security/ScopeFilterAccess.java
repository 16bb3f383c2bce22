package be.proactief.function.checkapi.security;

/** Test access to the filter's route → scope rule. */
public final class ScopeFilterAccess {
    private ScopeFilterAccess() {
    }

    public static String requiredScope(String path) {
        return ScopeFilter.requiredScope(path);
    }
}
