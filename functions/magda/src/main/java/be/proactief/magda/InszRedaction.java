package be.proactief.magda;

import be.proactief.core.insz.Insz;

/**
 * Masks anything shaped like an INSZ ({@link Insz#redact}) in text that came from outside
 * (platform diagnoses, SOAP faults) before it goes into an exception message or a log line.
 */
final class InszRedaction {

    private static final int MAX_LENGTH = 200;

    private InszRedaction() {
    }

    /** The text on one line, with every INSZ-like number masked and the length capped; {@code ""} for null. */
    static String scrub(String text) {
        if (text == null) return "";
        return Insz.redactLine(text, MAX_LENGTH);
    }
}
