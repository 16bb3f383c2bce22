package be.proactief.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Times the emulator I/O of every HTTP attempt the SDK makes on the calling thread: from just
 * before the HTTP client is called until the status and headers are read (the emulator's work
 * and the loopback round trip). The response body is read and unmarshalled afterwards, so that
 * counts as the code's own time; for the small responses of a check it is already buffered. An
 * attempt that fails with an I/O error is not counted as I/O. Registered for every SDK client in a
 * JVM that has {@code bench/target/classes} on its class path, through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}; the bench jar leaves
 * that file out, so cold starts run without it. Only the check-api benchmark reads it.
 */
public final class EmulatorIoTimer implements ExecutionInterceptor {

    private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[3]); // spent, started, calls

    /** Nanoseconds of emulator I/O on this thread since the last call, and starts counting again. */
    static long takeNanos() {
        return take(0);
    }

    /** HTTP attempts of the SDK on this thread since the last call, and starts counting again. */
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
