package be.proactief.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Invokes the function that is running, asynchronously (InvocationType {@code Event}), with an event of its own making:
 * how a long run goes on in a fresh invocation before its time runs out. The function's name comes from the
 * invocation's {@link Context}; {@code lambda:InvokeFunction} on itself is in its role (template.yaml).
 */
public final class SelfInvocation {

    private final LambdaClient lambda;
    private final java.util.function.Supplier<Context> context;

    /** @param context the invocation under way (the project's single, delegating Context bean, registered at the first invocation) */
    public SelfInvocation(LambdaClient lambda, java.util.function.Supplier<Context> context) {
        this.lambda = lambda;
        this.context = context;
    }

    /** @throws IllegalStateException when Lambda does not accept the event (the invocation then fails, and its retry goes on from where it was given) */
    public void invokeAsync(String eventJson) {
        String name = context.get().getFunctionName();
        InvokeResponse response = lambda.invoke(b -> b.functionName(name).invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(eventJson)));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Lambda did not accept the continuation of " + name + " (status " + response.statusCode() + ")");
        }
    }
}
