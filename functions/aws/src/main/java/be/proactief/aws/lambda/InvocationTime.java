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

    /**
     * The invocation starting now. A context that reports no time left at its very start is a stand-in (priming, a
     * test server), not Lambda's: then no deadline is known.
     */
    public void set(Context context) {
        this.current = context == null || context.getRemainingTimeInMillis() <= 0 ? null : context;
    }

    /** @return the time left, or empty outside an invocation */
    public Optional<Duration> remaining() {
        Context c = current;
        return c == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(0, c.getRemainingTimeInMillis())));
    }
}
