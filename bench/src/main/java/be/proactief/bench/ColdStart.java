package be.proactief.bench;

import be.proactief.function.checkapi.CheckApiHandler;
import be.proactief.function.checkapi.SnapStartPriming;
import be.proactief.testkit.lambda.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Runs in a fresh JVM: builds one handler as the Lambda runtime would (no-arg constructor,
 * configuration from system properties standing in for environment variables), answers one
 * check, prints {@code ANSWERED <status>} and exits. The parent times launch → that line.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) {
        String insz = System.getProperty("bench.insz");
        if (args[0].startsWith("first-check")) {
            firstCheck(insz, args[0].equals("first-check-primed"));
            return;
        }
        APIGatewayV2HTTPResponse response = switch (args[0]) {
            case "handler" -> new CheckApiHandler().handleRequest(Events.check(insz), new LocalLambdaContext("cold", "check-api"));
            case "baseline" -> new BaselineHandler().handleRequest(Events.check(insz), new LocalLambdaContext("cold", "baseline"));
            default -> throw new IllegalArgumentException(args[0]);
        };
        System.out.println("ANSWERED " + response.getStatusCode());
        System.out.flush();
        if (Boolean.getBoolean("bench.training")) {
            System.exit(0); // a normal exit, so -XX:ArchiveClassesAtExit writes the AppCDS archive
        }
        Runtime.getRuntime().halt(0);
    }

    /**
     * What a SnapStart restore leaves to the first request: the function is initialised (and,
     * when primed, its checkpoint hook has run); only the first check is timed, in process.
     * Prints {@code FIRST <status> <nanoseconds>}.
     */
    private static void firstCheck(String insz, boolean primed) {
        CheckApiHandler handler = new CheckApiHandler();
        if (primed) handler.getApplicationContext().getBean(SnapStartPriming.class).beforeCheckpoint(null);
        long t0 = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.check(insz), new LocalLambdaContext("first", "check-api"));
        long nanos = System.nanoTime() - t0;
        System.out.println("FIRST " + response.getStatusCode() + " " + nanos);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
