package be.proactief.aws.dynamo;

import be.proactief.testkit.aws.AwsBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The stores against dynalite, started by the testkit. */
class DynaliteStoresTest extends StoresContract {

    static AwsBackend backend;

    @BeforeAll
    static void start() {
        backend = AwsBackend.embedded().provision();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Override
    AwsBackend backend() {
        return backend;
    }
}
