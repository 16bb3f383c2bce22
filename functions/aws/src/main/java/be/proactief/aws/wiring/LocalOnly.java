package be.proactief.aws.wiring;

/**
 * Settings that exist for the local run and the tests only (a development subject key, a development JWT key): a
 * function running on Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} set) refuses to start with one, naming it, so a
 * development key can never decide or sign anything in production.
 */
public final class LocalOnly {

    public static final String ON_LAMBDA = "AWS_LAMBDA_FUNCTION_NAME";

    private LocalOnly() {
    }

    /** @throws IllegalStateException when {@code setting} is set and this is Lambda */
    public static void refuseOnLambda(Settings settings, String setting, String instead) {
        if (settings.get(setting).isPresent() && settings.get(ON_LAMBDA).isPresent()) {
            throw new IllegalStateException(setting + " is for local runs and tests only, and this function runs on Lambda ("
                    + ON_LAMBDA + "=" + settings.get(ON_LAMBDA).get() + "): " + instead);
        }
    }
}
