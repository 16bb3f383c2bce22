package be.proactief.aws.sqs;

import be.proactief.aws.wiring.Settings;

/**
 * How many records of one SQS batch a function instance handles at once ({@code PROACTIEF_BATCH_CONCURRENCY}, 10 by
 * default, 1–100). The MAGDA client's concurrency limit ({@code MAGDA_MAX_CONCURRENT_CALLS}) stays the bound on the
 * platform calls in flight per instance.
 */
public record BatchConcurrency(int value) {

    public static final String SETTING = "PROACTIEF_BATCH_CONCURRENCY";
    public static final int DEFAULT = 10;
    public static final int MAX = 100;

    public BatchConcurrency {
        if (value < 1 || value > MAX) {
            throw new IllegalStateException(SETTING + " must be a whole number from 1 to " + MAX + ", got " + value);
        }
    }

    /** @throws IllegalStateException naming the setting, for a value that is no whole number from 1 to 100 */
    public static BatchConcurrency from(Settings settings) {
        String text = settings.get(SETTING, Integer.toString(DEFAULT)).strip();
        try {
            return new BatchConcurrency(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(SETTING + " must be a whole number from 1 to " + MAX + ", got '" + text + "'");
        }
    }
}
