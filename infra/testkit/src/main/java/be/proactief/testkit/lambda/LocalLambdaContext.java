package be.proactief.testkit.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context as the runtime hands one to each invocation, for tests and the local run. */
public record LocalLambdaContext(String requestId, String functionName) implements Context {
    public LocalLambdaContext(String requestId) {
        this(requestId, "proactief-local");
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
    @Override public String getLogStreamName() { return "stream"; }
    @Override public String getFunctionName() { return functionName; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:000000000000:function:" + functionName; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 30_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override public void log(String message) { }
            @Override public void log(byte[] message) { }
        };
    }
}
