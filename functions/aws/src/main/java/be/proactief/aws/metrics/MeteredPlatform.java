package be.proactief.aws.metrics;

import be.proactief.core.insz.Insz;
import be.proactief.core.platform.PlatformCannotDecideException;
import be.proactief.core.platform.PlatformRegistration;
import be.proactief.core.platform.PlatformUnavailableException;
import be.proactief.core.platform.SocialStatusSource;
import be.proactief.core.platform.StatusAnswer;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform client, measured: every question gives one metric document without a dimension (so that the
 * alarm on the share of UNKNOWN replies sees every function at once): {@code PlatformQuestions} 1, one of
 * {@code PlatformAnswers} (an answer), {@code PlatformUnknown} (no usable reply: UNKNOWN) or {@code PlatformReview}
 * (a reply that does not answer: REVIEW), and {@code PlatformLatency}.
 */
public final class MeteredPlatform implements SocialStatusSource {

    private final SocialStatusSource platform;
    private final Metrics metrics;

    public MeteredPlatform(SocialStatusSource platform, Metrics metrics) {
        this.platform = platform;
        this.metrics = metrics;
    }

    /** The client measured, for what only it can do (priming its XML handling before a snapshot). */
    public SocialStatusSource measured() {
        return platform;
    }

    @Override
    public StatusAnswer ask(Insz insz, List<String> statusNames, LocalDate date, PlatformRegistration registration)
            throws PlatformUnavailableException, PlatformCannotDecideException {
        long started = System.nanoTime();
        String kind = "PlatformUnknown";
        try {
            StatusAnswer answer = platform.ask(insz, statusNames, date, registration);
            kind = "PlatformAnswers";
            return answer;
        } catch (PlatformCannotDecideException e) {
            kind = "PlatformReview";
            throw e;
        } finally {
            Map<String, Number> m = new LinkedHashMap<>();
            m.put("PlatformQuestions", 1);
            m.put(kind, 1);
            m.put("PlatformLatency", (System.nanoTime() - started) / 1_000_000);
            metrics.emit(Map.of(), m);
        }
    }

    @Override
    public PlatformRegistration defaultRegistration() {
        return platform.defaultRegistration();
    }
}
