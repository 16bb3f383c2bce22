package be.proactief.aws.magda;

import java.util.regex.Pattern;

/**
 * Removes anything shaped like an INSZ (11 digits, optionally written {@code 85.07.30-033.28})
 * from text that came from outside (platform diagnoses, SOAP faults) before it goes into an
 * exception message or a log line.
 */
final class InszRedaction {

    private static final Pattern INSZ_LIKE = Pattern.compile("\\d{2}[.\\s]?\\d{2}[.\\s]?\\d{2}[-.\\s]?\\d{3}[.\\s]?\\d{2}");
    private static final int MAX_LENGTH = 200;

    private InszRedaction() {
    }

    /** The text with every INSZ-like number replaced and the length capped; {@code ""} for null. */
    static String scrub(String text) {
        if (text == null) return "";
        String cleaned = INSZ_LIKE.matcher(text).replaceAll("***********").replaceAll("\\s+", " ").strip();
        return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) + "…" : cleaned;
    }
}
