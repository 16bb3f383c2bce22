package be.proactief.function.voucherissuer;

import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.magda.MagdaSimulator;

/**
 * dynalite, ElasticMQ and the MAGDA simulator, started once for all tests of this module (each
 * test gets its own tables and queues through a name prefix, see {@link VoucherEnv}).
 */
final class Backends {

    private static Backends instance;

    final AwsBackend aws;
    final MagdaSimulator magda;

    private Backends() {
        aws = AwsBackend.embedded();
        magda = new MagdaSimulator().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            magda.close();
            aws.close();
        }));
    }

    static synchronized Backends get() {
        if (instance == null) instance = new Backends();
        return instance;
    }
}
