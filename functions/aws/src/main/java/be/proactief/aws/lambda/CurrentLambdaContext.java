package be.proactief.aws.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The Lambda {@link Context} of the invocation under way, registered once as a bean and
 * pointed at each new invocation's context. A Lambda instance runs one invocation at a time,
 * so a volatile field is enough.
 */
final class CurrentLambdaContext implements Context {

    private volatile Context current;

    void set(Context context) {
        this.current = context;
    }

    Context current() {
        return current;
    }

    @Override public String getAwsRequestId() { return current == null ? null : current.getAwsRequestId(); }
    @Override public String getLogGroupName() { return current == null ? null : current.getLogGroupName(); }
    @Override public String getLogStreamName() { return current == null ? null : current.getLogStreamName(); }
    @Override public String getFunctionName() { return current == null ? null : current.getFunctionName(); }
    @Override public String getFunctionVersion() { return current == null ? null : current.getFunctionVersion(); }
    @Override public String getInvokedFunctionArn() { return current == null ? null : current.getInvokedFunctionArn(); }
    @Override public CognitoIdentity getIdentity() { return current == null ? null : current.getIdentity(); }
    @Override public ClientContext getClientContext() { return current == null ? null : current.getClientContext(); }
    @Override public int getRemainingTimeInMillis() { return current == null ? 0 : current.getRemainingTimeInMillis(); }
    @Override public int getMemoryLimitInMB() { return current == null ? 0 : current.getMemoryLimitInMB(); }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** A logger bean that writes through the current invocation's logger. */
    final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            Context c = current;
            if (c != null && c.getLogger() != null) c.getLogger().log(message);
            else System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            Context c = current;
            if (c != null && c.getLogger() != null) c.getLogger().log(message);
            else System.out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
        }
    };
}
