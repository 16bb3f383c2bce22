package be.proactief.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Times the emulator I/O of every SDK call made on the benchmark's thread: from the moment the
 * request goes to the HTTP client to the moment the response is back (the emulator's work and
 * the loopback round trip). Registered for all SDK clients of the warm benchmark through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, which the bench jar
 * leaves out, so cold starts run without it.
 */
public final class EmulatorIoTimer implements ExecutionInterceptor {

    private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[3]); // spent, started, calls

    /** Nanoseconds of emulator I/O on this thread since the last call, and starts counting again. */
    static long takeNanos() {
        return take(0);
    }

    /** SDK calls on this thread since the last call, and starts counting again. */
    static long takeCalls() {
        return take(2);
    }

    private static long take(int slot) {
        long[] spent = SPENT.get();
        long value = spent[slot];
        spent[slot] = 0;
        return value;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SPENT.get()[1] = System.nanoTime();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        long[] spent = SPENT.get();
        spent[0] += System.nanoTime() - spent[1];
        spent[2]++;
    }
}
