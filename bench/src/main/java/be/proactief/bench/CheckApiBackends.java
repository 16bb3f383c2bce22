package be.proactief.bench;

import be.proactief.testkit.FunctionSettings;
import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;

import java.util.Map;

/**
 * What a check-api run of the bench needs: the emulated DynamoDB and SQS with the template's
 * tables and queues, the MAGDA simulator, and one resident on leefloon that the simulator knows.
 */
final class CheckApiBackends implements AutoCloseable {

    private final AwsBackend aws;
    private final MagdaSimulator magda;
    private final Persona resident;
    private final java.nio.file.Path keystore;

    private CheckApiBackends(AwsBackend aws, MagdaSimulator magda, Persona resident, java.nio.file.Path keystore) {
        this.aws = aws;
        this.magda = magda;
        this.resident = resident;
        this.keystore = keystore;
    }

    static CheckApiBackends start() {
        AwsBackend aws = AwsBackend.embedded();
        try {
            aws.provision();
            // signed as in production: the simulator answers only the city's signed requests
            java.nio.file.Path keystore = be.proactief.testkit.magda.DevelopmentKeystore.generate(
                    java.nio.file.Files.createTempDirectory("bench-magda-").resolve("city.p12"), "bench.city");
            MagdaSimulator magda = new MagdaSimulator().start().trust(be.proactief.testkit.magda.DevelopmentKeystore.certificate(keystore));
            try {
                Persona resident = Personas.leefloon();
                magda.register(resident);
                return new CheckApiBackends(aws, magda, resident, keystore);
            } catch (RuntimeException | Error e) {
                magda.close();
                throw e;
            }
        } catch (java.io.IOException e) {
            aws.close();
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            aws.close();
            throw e;
        }
    }

    Persona resident() {
        return resident;
    }

    /** check-api's settings pointing here, with a development subject key. */
    Map<String, Object> settings(String devSubjectKey) {
        Map<String, Object> settings = new java.util.HashMap<>(FunctionSettings.forEmulators(aws, magda.endpoint(), devSubjectKey));
        settings.putAll(FunctionSettings.checkApiQueues(aws));
        settings.put("magda.keystore", keystore.toString());
        settings.put("magda.keystore.password", be.proactief.testkit.magda.DevelopmentKeystore.PASSWORD);
        return settings;
    }

    @Override
    public void close() {
        try {
            magda.close();
        } finally {
            aws.close();
        }
    }
}
