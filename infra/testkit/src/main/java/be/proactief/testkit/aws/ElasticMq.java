package be.proactief.testkit.aws;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.net.URI;

/** ElasticMQ (an open-source SQS-compatible server) embedded in this JVM on a free loopback port. */
public final class ElasticMq implements AutoCloseable {

    private static final String NO_DELAY = "pekko.http.server.socket-options.tcp-no-delay";

    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMq(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static ElasticMq start() {
        // Pekko HTTP leaves TCP_NODELAY to the OS (Nagle on): each small answer would then wait for
        // the client's delayed ACK, ~20–40 ms a call. An emulator should cost what SQS costs.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
            com.typesafe.config.ConfigFactory.invalidateCaches();
        }
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(0)
                .withDynamicPort()
                .withAWSRegion(AwsBackend.REGION.id())
                .withAWSAccountId(AwsBackend.LOCAL_ACCOUNT)
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMq(server, port);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
