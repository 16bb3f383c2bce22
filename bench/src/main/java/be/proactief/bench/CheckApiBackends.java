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

    private CheckApiBackends(AwsBackend aws, MagdaSimulator magda, Persona resident) {
        this.aws = aws;
        this.magda = magda;
        this.resident = resident;
    }

    static CheckApiBackends start() {
        AwsBackend aws = AwsBackend.embedded();
        try {
            aws.provision();
            MagdaSimulator magda = new MagdaSimulator().start();
            try {
                Persona resident = Personas.leefloon();
                magda.register(resident);
                return new CheckApiBackends(aws, magda, resident);
            } catch (RuntimeException | Error e) {
                magda.close();
                throw e;
            }
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
