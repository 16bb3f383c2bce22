package be.proactief.aws.lambda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Shortens a Lambda cold start on a second core: a daemon thread loads, without initialising,
 * the classes a cold start is known to need (a class list kept in the function's jar), while
 * the handler's own thread builds its application context.
 *
 * <p>More than half of a cold start without a class-data archive is reading, inflating and
 * parsing classes from the jar, and the handler's thread does that one class at a time. The
 * list is walked from its end, so the two threads meet in the middle instead of racing for the
 * same classes. Loading is not initialising: no static initialiser runs on this thread, so the
 * order and the outcome of start-up are the same with or without it. A class that is missing
 * (a stale list) is skipped; a stale list only costs speed.
 *
 * <p>Off when {@code PROACTIEF_PRELOAD_CLASSES} (or the system property
 * {@code proactief.preload.classes}) is {@code false}, e.g. when an AppCDS archive or SnapStart
 * has made class loading cheap already.
 */
public final class ClassPreloader {

    private ClassPreloader() {
    }

    /**
     * Starts loading the classes named in {@code listResource} (one binary name per line,
     * {@code #} comments) in the background, with the loader that loaded {@code anchor}.
     *
     * @return the started thread (which loads nothing when the list is absent), or {@code null} when switched off
     */
    public static Thread start(Class<?> anchor, String listResource) {
        if (!enabled()) return null;
        ClassLoader loader = anchor.getClassLoader();
        Thread thread = new Thread(() -> load(loader, listResource), "proactief-class-preloader");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
        return thread;
    }

    static boolean enabled() {
        String value = System.getProperty("proactief.preload.classes", System.getenv("PROACTIEF_PRELOAD_CLASSES"));
        return value == null || !value.trim().equalsIgnoreCase("false");
    }

    /** Loads the listed classes from the last to the first; returns how many were loaded. */
    static int load(ClassLoader loader, String listResource) {
        List<String> names = names(loader, listResource);
        int loaded = 0;
        for (int i = names.size() - 1; i >= 0; i--) {
            try {
                Class.forName(names.get(i), false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // a stale entry: the handler's thread will load what it really needs
            }
        }
        return loaded;
    }

    static List<String> names(ClassLoader loader, String listResource) {
        List<String> names = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(listResource)) {
            if (in == null) return names;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) names.add(line);
            }
        } catch (IOException e) {
            // no list, no preloading
        }
        return names;
    }
}
