package be.proactief.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak heap and live threads of this JVM from {@link #start()} to {@link #stop()}. */
final class MemoryWatch {

    private long peakHeap;
    private int peakThreads;

    static MemoryWatch start() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        return new MemoryWatch();
    }

    void stop() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
        }
        peakThreads = ManagementFactory.getThreadMXBean().getPeakThreadCount();
    }

    long peakHeapMiB() {
        return peakHeap / (1024 * 1024);
    }

    int peakThreads() {
        return peakThreads;
    }
}
