package be.proactief.aws.lambda;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassPreloaderTest {

    static volatile boolean initialised;

    /** Listed in preload/classes.txt; its static initialiser must not run on the preloading thread. */
    static final class Listed {
        static {
            initialised = true;
        }
    }

    @Test
    void loadsTheListedClassesWithoutInitialisingThemAndSkipsCommentsAndStaleNames() {
        int loaded = ClassPreloader.load(getClass().getClassLoader(), "preload/classes.txt");

        assertThat(loaded).isEqualTo(2); // Listed and java.util.ArrayDeque; the stale name is skipped
        assertThat(initialised).isFalse();
    }

    @Test
    void aMissingListLoadsNothing() {
        assertThat(ClassPreloader.load(getClass().getClassLoader(), "preload/absent.txt")).isZero();
        assertThat(ClassPreloader.start(ClassPreloaderTest.class, "preload/absent.txt")).isNotNull();
    }

    @Test
    void canBeSwitchedOff() {
        System.setProperty("proactief.preload.classes", "false");
        try {
            assertThat(ClassPreloader.start(ClassPreloaderTest.class, "preload/classes.txt")).isNull();
        } finally {
            System.clearProperty("proactief.preload.classes");
        }
    }
}
