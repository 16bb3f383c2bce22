package be.proactief.core.insz;

import java.util.List;
import java.util.Objects;

/**
 * A Belgian INSZ (identificatienummer van de sociale zekerheid): a national register number,
 * a bis number (month +20 or +40) or a MAGDA test number (month 61–72).
 *
 * <p>The digits never leave this object in clear text except through {@link #digits()}, which
 * only the platform adapter and the pseudonymiser call. {@link #toString()} and every error
 * message show the masked form {@code 85.07.30-***.**}.
 */
public final class Insz {

    private final String digits;

    private Insz(String digits) {
        this.digits = digits;
    }

    /**
     * Parses {@code 85.07.30-033.28}, {@code 85073003328} or {@code 85 07 30 033 28}.
     *
     * @throws InvalidInszException with a masked, specific reason
     */
    public static Insz parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidInszException("INSZ is missing");
        }
        String trimmed = input.strip();
        StringBuilder digits = new StringBuilder(11);
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != '.' && c != '-' && c != ' ') {
                throw new InvalidInszException("INSZ " + maskLoose(trimmed) + " contains a character other than digits, '.', '-' or ' '");
            }
        }
        String d = digits.toString();
        if (d.length() != 11) {
            throw new InvalidInszException("INSZ " + maskLoose(d) + " must have 11 digits, has " + d.length());
        }
        int month = Integer.parseInt(d.substring(2, 4));
        if (kindOfMonth(month) == null) {
            throw new InvalidInszException("INSZ " + mask(d) + " has month " + String.format("%02d", month)
                    + ", not 00–12 (national number), 20–32 or 40–52 (bis number) or 61–72 (MAGDA test number)");
        }
        // A day past the month's last day (up to 99) is no error: the register's day counter for that birth date
        // ran out, and the number stands for an unknown day. Only the check digits can tell a mistyped one.
        if (!checksumValid(d)) {
            throw new InvalidInszException("INSZ " + mask(d) + " fails the mod-97 check");
        }
        return new Insz(d);
    }

    /** Whether {@code input} parses; never throws. */
    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (InvalidInszException e) {
            return false;
        }
    }

    /**
     * The mod-97 check: 97 − (first 9 digits mod 97) equals the last two, or the same on
     * "2" followed by the 9 digits for people born from 2000 on.
     */
    static boolean checksumValid(String elevenDigits) {
        long base = Long.parseLong(elevenDigits.substring(0, 9));
        int check = Integer.parseInt(elevenDigits.substring(9, 11));
        return check == checkDigits(base) || check == checkDigits(2_000_000_000L + base);
    }

    /** The two check digits for a 9-digit base (with the leading "2" for births from 2000). */
    public static int checkDigits(long base) {
        return (int) (97 - (base % 97));
    }

    /** Builds a valid INSZ from date part, serial and century; used by persona generators. */
    public static Insz of(int yy, int mm, int dd, int serial, boolean bornFrom2000) {
        String base = String.format("%02d%02d%02d%03d", yy, mm, dd, serial);
        long numeric = Long.parseLong(base) + (bornFrom2000 ? 2_000_000_000L : 0L);
        return parse(base + String.format("%02d", checkDigits(numeric)));
    }

    public Kind kind() {
        return kindOfMonth(Integer.parseInt(digits.substring(2, 4)));
    }

    static boolean isKnownMonth(int month) {
        return kindOfMonth(month) != null;
    }

    private static Kind kindOfMonth(int month) {
        if (month <= 12) return Kind.NATIONAL_NUMBER;
        if ((month >= 20 && month <= 32) || (month >= 40 && month <= 52)) return Kind.BIS_NUMBER;
        if (month >= 61 && month <= 72) return Kind.MAGDA_TEST_NUMBER;
        return null;
    }

    /** The 11 digits, for the platform request and the pseudonymiser only. Never log this. */
    public String digits() {
        return digits;
    }

    /** {@code 85.07.30-***.**}: the birth-date part stays, serial and check digits are hidden. */
    public String masked() {
        return mask(digits);
    }

    static String mask(String elevenDigits) {
        return elevenDigits.substring(0, 2) + "." + elevenDigits.substring(2, 4) + "." + elevenDigits.substring(4, 6) + "-***.**";
    }

    /** Masks input of unknown shape: keeps at most the first 6 digits, hides the rest. */
    static String maskLoose(String input) {
        StringBuilder out = new StringBuilder();
        int digitsSeen = 0;
        for (int i = 0; i < input.length() && out.length() < 32; i++) {
            char c = input.charAt(i);
            if (Character.isDigit(c)) {
                out.append(digitsSeen < 6 ? c : '*');
                digitsSeen++;
            } else {
                out.append('*');
            }
        }
        return "'" + out + (input.length() > 32 ? "…" : "") + "'";
    }

    /** Masks every INSZ in {@code text}, however it is written (see {@link InszFinder}): {@code 85.07.30-***.**}. */
    public static String redact(String text) {
        if (text == null) return null;
        List<InszFinder.Found> found = InszFinder.toMask(text);
        if (found.isEmpty()) return text;
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (InszFinder.Found f : found) {
            out.append(text, from, f.start()).append(mask(f.digits()));
            from = f.end();
        }
        return out.append(text, from, text.length()).toString();
    }

    /**
     * Whether {@code text} holds a valid INSZ standing on its own, however it is written: stricter than
     * {@link #redact}, so that dates, IBANs and phone numbers do not count.
     */
    public static boolean foundIn(String text) {
        return text != null && !InszFinder.certain(text).isEmpty();
    }

    /** {@code text} on one line (white space runs made one space), INSZs masked, cut at {@code maxLength} with "…". */
    public static String redactLine(String text, int maxLength) {
        String line = redact(text.replaceAll("\\s+", " ")).strip();
        return line.length() > maxLength ? line.substring(0, maxLength) + "…" : line;
    }

    /** What was sent as an INSZ, for a message, without parsing it: at most the first 6 digits show. */
    public static String maskUnparsed(String input) {
        return input == null ? "null" : maskLoose(input);
    }

    /** Input quoted for an error message that echoes it: INSZ-like numbers masked first, then cut at 40 characters. */
    public static String quoteMasked(String input) {
        String masked = redact(String.valueOf(input));
        return "'" + (masked.length() > 40 ? masked.substring(0, 40) + "…" : masked) + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Insz other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return masked();
    }

    public enum Kind { NATIONAL_NUMBER, BIS_NUMBER, MAGDA_TEST_NUMBER }
}
