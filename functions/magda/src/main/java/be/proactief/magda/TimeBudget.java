package be.proactief.magda;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the caller can still wait for a question (the Lambda invocation's remaining time, less what it needs to
 * answer): no attempt starts that could not finish in it, and an attempt's read timeout is cut to it, so a check
 * answers UNKNOWN instead of being cut off by Lambda's timeout. Empty: no limit but the client's own timeouts.
 */
@FunctionalInterface
public interface TimeBudget {

    TimeBudget UNLIMITED = Optional::empty;

    Optional<Duration> left();
}
