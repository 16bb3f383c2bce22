package be.proactief.core.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** How every duration setting is written: {@code 500ms}, {@code 5s}, {@code 1m}, {@code 2h} or ISO-8601 ({@code PT5S}). */
public final class DurationText {

    public static final String FORMS = "e.g. 500ms, 5s, 1m, 2h or PT5S";

    private DurationText() {
    }

    /** @return the duration, or empty for text that is none of the forms */
    public static Optional<Duration> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) return Optional.of(Duration.parse(s.toUpperCase(Locale.ROOT)));
            if (s.endsWith("ms")) return Optional.of(Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip())));
            if (s.endsWith("s")) return Optional.of(Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).strip())));
            if (s.endsWith("m")) return Optional.of(Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).strip())));
            if (s.endsWith("h")) return Optional.of(Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).strip())));
            return Optional.empty();
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
