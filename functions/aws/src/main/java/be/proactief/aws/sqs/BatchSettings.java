package be.proactief.aws.sqs;

import be.proactief.aws.wiring.Settings;
import be.proactief.core.messaging.RetryDelay;
import be.proactief.core.settings.DurationText;

import java.time.Duration;

/**
 * How both queue functions handle a batch. A bad value stops the start with a message naming the setting.
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>setting</th><th>default</th><th>what</th></tr>
 *   <tr><td>{@code PROACTIEF_BATCH_CONCURRENCY}</td><td>10</td><td>records of one batch handled at once (1–100); the
 *       MAGDA client's {@code MAGDA_MAX_CONCURRENT_CALLS} stays the bound on platform calls in flight</td></tr>
 *   <tr><td>{@code PROACTIEF_RETRY_BASE}</td><td>60s</td><td>first wait after an UNKNOWN (at least 1 s); doubles per receive</td></tr>
 *   <tr><td>{@code PROACTIEF_RETRY_CAP}</td><td>1h</td><td>longest wait (at most 11 h: SQS allows 12 h from the receipt)</td></tr>
 *   <tr><td>{@code PROACTIEF_BATCH_DEADLINE_MARGIN}</td><td>10s</td><td>a record not started when the invocation has
 *       less time left than this is reported failed, untouched</td></tr>
 * </table>
 */
public record BatchSettings(int concurrency, RetryDelay retryDelay, Duration deadlineMargin) {

    public static final String CONCURRENCY = "PROACTIEF_BATCH_CONCURRENCY";
    public static final String RETRY_BASE = "PROACTIEF_RETRY_BASE";
    public static final String RETRY_CAP = "PROACTIEF_RETRY_CAP";
    public static final String DEADLINE_MARGIN = "PROACTIEF_BATCH_DEADLINE_MARGIN";
    public static final int DEFAULT_CONCURRENCY = 10;
    public static final int MAX_CONCURRENCY = 100;
    public static final Duration DEFAULT_DEADLINE_MARGIN = Duration.ofSeconds(10);

    public BatchSettings {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalStateException(CONCURRENCY + " must be a whole number from 1 to " + MAX_CONCURRENCY + ", got " + concurrency);
        }
    }

    /** @throws IllegalStateException naming the setting that is wrong */
    public static BatchSettings from(Settings settings) {
        String text = settings.get(CONCURRENCY, Integer.toString(DEFAULT_CONCURRENCY)).strip();
        int concurrency;
        try {
            concurrency = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(CONCURRENCY + " must be a whole number from 1 to " + MAX_CONCURRENCY + ", got '" + text + "'");
        }
        Duration base = duration(settings, RETRY_BASE, RetryDelay.DEFAULT_BASE);
        Duration cap = duration(settings, RETRY_CAP, RetryDelay.DEFAULT_CAP.compareTo(base) < 0 ? base : RetryDelay.DEFAULT_CAP);
        RetryDelay retry;
        try {
            retry = new RetryDelay(base, cap);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RETRY_BASE + "/" + RETRY_CAP + ": " + e.getMessage());
        }
        Duration margin = duration(settings, DEADLINE_MARGIN, DEFAULT_DEADLINE_MARGIN);
        return new BatchSettings(concurrency, retry, margin);
    }

    private static Duration duration(Settings settings, String name, Duration fallback) {
        String text = settings.get(name).orElse(null);
        if (text == null) return fallback;
        Duration d = DurationText.parse(text).filter(v -> !v.isNegative() && !v.isZero())
                .orElseThrow(() -> new IllegalStateException(name + " must be a positive duration (" + DurationText.FORMS + "), got '" + text.strip() + "'"));
        return d;
    }
}
