package be.proactief.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * How much time the invocation under way has left ({@link Context#getRemainingTimeInMillis()}), for work that must
 * stop before Lambda ends it. {@link NonAccumulatingLambdaContextFactory} points it at each invocation's context; a
 * Lambda instance runs one invocation at a time.
 */
@Singleton
public class InvocationTime {

    private volatile Context current;

    public void set(Context context) {
        this.current = context;
    }

    /** @return the time left, or empty outside an invocation */
    public Optional<Duration> remaining() {
        Context c = current;
        return c == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(0, c.getRemainingTimeInMillis())));
    }
}
