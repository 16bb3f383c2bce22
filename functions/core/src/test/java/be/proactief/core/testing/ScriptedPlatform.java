package be.proactief.core.testing;

import be.proactief.core.insz.Insz;
import be.proactief.core.platform.PlatformUnavailableException;
import be.proactief.core.platform.SocialStatusSource;
import be.proactief.core.platform.StatusAnswer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A platform in memory: statuses per person, an outage switch, and a log of the questions asked. */
public final class ScriptedPlatform implements SocialStatusSource {

    private final Map<Insz, Set<String>> statuses = new ConcurrentHashMap<>();
    private volatile boolean down;
    private final AtomicInteger references = new AtomicInteger();
    public final List<List<String>> questions = new CopyOnWriteArrayList<>();
    public final List<LocalDate> questionDates = new CopyOnWriteArrayList<>();

    public ScriptedPlatform with(Insz insz, String... names) {
        statuses.computeIfAbsent(insz, k -> ConcurrentHashMap.newKeySet()).addAll(List.of(names));
        return this;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public int calls() {
        return questions.size();
    }

    @Override
    public StatusAnswer ask(Insz insz, List<String> statusNames, LocalDate date) throws PlatformUnavailableException {
        questions.add(new ArrayList<>(statusNames));
        questionDates.add(date);
        if (down) throw new PlatformUnavailableException(PlatformUnavailableException.Reason.UNREACHABLE, "platform down (scripted)", Duration.ofSeconds(30));
        Set<String> applicable = new HashSet<>(statuses.getOrDefault(insz, Set.of()));
        applicable.retainAll(statusNames);
        return new StatusAnswer("ref-" + references.incrementAndGet(), applicable);
    }
}
