package be.proactief.testkit.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.time.Duration;

/**
 * A Lambda context as the runtime hands one to each invocation, for tests and the local run. Its remaining time
 * counts down from the function's timeout (30 s unless given), as on Lambda.
 */
public final class LocalLambdaContext implements Context {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String requestId;
    private final String functionName;
    private final long deadlineNanos;

    public LocalLambdaContext(String requestId) {
        this(requestId, "proactief-local");
    }

    public LocalLambdaContext(String requestId, String functionName) {
        this(requestId, functionName, DEFAULT_TIMEOUT);
    }

    /** @param timeout the function's {@code Timeout}: the invocation's time starts now */
    public LocalLambdaContext(String requestId, String functionName, Duration timeout) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
    @Override public String getLogStreamName() { return "stream"; }
    @Override public String getFunctionName() { return functionName; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:000000000000:function:" + functionName; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000); }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override public void log(String message) { }
            @Override public void log(byte[] message) { }
        };
    }
}
