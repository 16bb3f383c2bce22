package be.proactief.core.testing;

import be.proactief.core.platform.PlatformCannotDecideException;
import be.proactief.core.review.ReviewReason;
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
    private final Map<Insz, PlatformCannotDecideException> noAnswers = new ConcurrentHashMap<>();
    private final Map<Insz, Set<String>> periodMismatches = new ConcurrentHashMap<>();
    private final AtomicInteger references = new AtomicInteger();
    public final List<List<String>> questions = new CopyOnWriteArrayList<>();
    public final List<LocalDate> questionDates = new CopyOnWriteArrayList<>();
    /** The registration of each question, {@code identificatie/hoedanigheid}. */
    public final List<String> registrations = new CopyOnWriteArrayList<>();

    public ScriptedPlatform with(Insz insz, String... names) {
        statuses.computeIfAbsent(insz, k -> ConcurrentHashMap.newKeySet()).addAll(List.of(names));
        return this;
    }

    /** The platform replies about {@code insz} without answering the question: REVIEW. */
    public ScriptedPlatform noAnswer(Insz insz, ReviewReason reason, String... codes) {
        noAnswers.put(insz, new PlatformCannotDecideException(reason, List.of(codes), "ref-review", "scripted " + reason));
        return this;
    }

    /** The platform answers again for {@code insz}. */
    public ScriptedPlatform answers(Insz insz) {
        noAnswers.remove(insz);
        return this;
    }

    /** {@code names} apply to {@code insz}, but in periods that miss the status date. */
    public ScriptedPlatform periodMismatch(Insz insz, String... names) {
        periodMismatches.computeIfAbsent(insz, k -> ConcurrentHashMap.newKeySet()).addAll(List.of(names));
        return this;
    }

    /** When set, every question waits for this gate to open before it is answered (a slow platform). */
    public volatile java.util.concurrent.CountDownLatch gate;

    public void down(boolean down) {
        this.down = down;
    }

    /** The registration of a scheme without its own. */
    public static final be.proactief.core.platform.PlatformRegistration DEFAULT_REGISTRATION =
            new be.proactief.core.platform.PlatformRegistration("test.city/proactief", "1303");

    @Override
    public be.proactief.core.platform.PlatformRegistration defaultRegistration() {
        return DEFAULT_REGISTRATION;
    }

    public int calls() {
        return questions.size();
    }

    @Override
    public StatusAnswer ask(Insz insz, List<String> statusNames, LocalDate date, be.proactief.core.platform.PlatformRegistration registration)
            throws PlatformUnavailableException, PlatformCannotDecideException {
        registrations.add((registration == null ? DEFAULT_REGISTRATION : registration).toString());
        questions.add(new ArrayList<>(statusNames));
        questionDates.add(date);
        java.util.concurrent.CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (down) throw new PlatformUnavailableException(PlatformUnavailableException.Reason.UNREACHABLE, "platform down (scripted)", Duration.ofSeconds(30));
        PlatformCannotDecideException noAnswer = noAnswers.get(insz);
        if (noAnswer != null) throw noAnswer;
        Set<String> applicable = new HashSet<>(statuses.getOrDefault(insz, Set.of()));
        applicable.retainAll(statusNames);
        Set<String> mismatch = new HashSet<>(periodMismatches.getOrDefault(insz, Set.of()));
        mismatch.retainAll(statusNames);
        return new StatusAnswer("ref-" + references.incrementAndGet(), applicable, mismatch, List.of());
    }
}
