package be.proactief.function.checkapi.jar;

import be.proactief.function.checkapi.CheckApiHandler;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM whose class path is only the deployed Lambda jar (and this class): builds
 * the handler as the Lambda runtime does, sends each API Gateway event file given, and prints
 * {@code STATUS <file> <status> <content type>} per event. A {@code ${OVERRIDE_ID}} in an event
 * is the id of the override created last. Uses nothing outside the Lambda jar.
 */
public final class LambdaJarDriver {

    private LambdaJarDriver() {
    }

    public static void main(String[] args) throws Exception {
        CheckApiHandler handler = new CheckApiHandler();
        JsonMapper json = handler.getApplicationContext().getBean(JsonMapper.class);
        String overrideId = "none";
        for (String file : args) {
            Path path = Path.of(file);
            String text = Files.readString(path, StandardCharsets.UTF_8).replace("${OVERRIDE_ID}", overrideId);
            APIGatewayV2HTTPEvent event = json.readValue(text, APIGatewayV2HTTPEvent.class);
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, new FixedContext(path.getFileName().toString()));
            String location = header(response, "Location");
            if (location != null) overrideId = location.substring(location.lastIndexOf('/') + 1);
            System.out.println("STATUS " + path.getFileName() + " " + response.getStatusCode() + " " + header(response, "Content-Type"));
        }
        System.out.flush();
        System.exit(0);
    }

    private static String header(APIGatewayV2HTTPResponse response, String name) {
        if (response.getHeaders() == null) return null;
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** What the Lambda runtime passes: fixed values, logging to stdout. */
    private record FixedContext(String requestId) implements Context {
        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/check-api"; }
        @Override public String getLogStreamName() { return "jar-test"; }
        @Override public String getFunctionName() { return "check-api"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:123456789012:function:check-api"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 10_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.out.println(message); }
                @Override public void log(byte[] message) { System.out.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
