package be.proactief.core.insz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds INSZs in free text. A <em>run</em> is a stretch of digits in which any two follow each other
 * with at most one separator mark ('.', '-', '/', '_', a soft hyphen, typographic dashes, the minus
 * sign) and any white space of any kind around it; a <em>group</em> is a stretch of digits with
 * nothing between them. Runs inside a UUID are left alone: a UUID is no INSZ, and ids must stay
 * readable.
 * <ul>
 *   <li>{@link #toMask}: what a log line or an error message must not show. A run of exactly 11
 *       digits, whatever they are (a mistyped INSZ is still somebody's); in a longer run, every 11
 *       digits in a row that form a valid INSZ, and every 11 that stand as groups of their own and
 *       begin with a possible date. Overlapping finds are masked together.</li>
 *   <li>{@link #certain}: what a caseworker's note may not hold, stricter so that dates, phone,
 *       account and file numbers pass. 11 digits standing as groups of their own, broken into groups
 *       only where an INSZ is written with breaks (after the year, month, day and serial; after the
 *       month only with one after the year), not after a '+' (a phone number); a valid INSZ, or on
 *       their own a possible date followed by 5 digits.</li>
 * </ul>
 */
final class InszFinder {

    private static final String SPACE = "[\\h\\v\\u200B]{0,8}+";
    private static final Pattern RUN = Pattern.compile(
            "\\d(?:" + SPACE + "[-./_\\u00AD\\u2010-\\u2015\\u2212]?+" + SPACE + "\\d)*+");
    private static final Pattern UUID = Pattern.compile(
            "(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])");

    /** Where an INSZ stands: from its first digit to just after its last, and its first 11 digits. */
    record Found(int start, int end, String digits) {
    }

    private InszFinder() {
    }

    static List<Found> toMask(String text) {
        List<Found> found = new ArrayList<>();
        for (Run run : runs(text)) {
            if (run.size() < 11) continue;
            if (run.size() == 11) {
                found.add(run.found(0, 10));
                continue;
            }
            int from = -1;
            int until = -1;
            for (int i = 0; i + 11 <= run.size(); i++) {
                String window = run.digits.substring(i, i + 11);
                boolean masked = valid(window) || (possibleDate(window) && run.startsGroup(i) && run.endsGroup(i + 10));
                if (!masked) continue;
                if (from >= 0 && i > until) {
                    found.add(run.found(from, until));
                    from = -1;
                }
                if (from < 0) from = i;
                until = i + 10;
            }
            if (from >= 0) found.add(run.found(from, until));
        }
        return found;
    }

    static List<Found> certain(String text) {
        List<Found> found = new ArrayList<>();
        for (Run run : runs(text)) {
            if (run.size() < 11 || run.afterPlus) continue;
            for (int i = 0; i + 11 <= run.size(); i++) {
                String window = run.digits.substring(i, i + 11);
                if (!run.startsGroup(i) || !run.endsGroup(i + 10) || !run.breaksOnlyAsAnInsz(i)) continue;
                if (valid(window) || (run.size() == 11 && possibleDate(window))) {
                    found.add(run.found(i, i + 10));
                    i += 10;
                }
            }
        }
        return found;
    }

    /** The digits of one run, where each stands in the text, and whether a '+' comes right before it. */
    private record Run(String digits, int[] at, boolean afterPlus) {
        int size() {
            return digits.length();
        }

        boolean startsGroup(int i) {
            return i == 0 || at[i] - at[i - 1] > 1;
        }

        boolean endsGroup(int last) {
            return last == size() - 1 || at[last + 1] - at[last] > 1;
        }

        /** Inside the 11 digits from {@code i}, breaks only after YY, MM, DD and the serial; after MM only with one after YY. */
        boolean breaksOnlyAsAnInsz(int i) {
            boolean afterYear = false;
            for (int k = 1; k <= 10; k++) {
                if (at[i + k] - at[i + k - 1] == 1) continue;
                switch (k) {
                    case 2 -> afterYear = true;
                    case 4 -> {
                        if (!afterYear) return false;
                    }
                    case 6, 9 -> {
                    }
                    default -> {
                        return false;
                    }
                }
            }
            return true;
        }

        Found found(int first, int last) {
            return new Found(at[first], at[last] + 1, digits.substring(first, first + 11));
        }
    }

    private static List<Run> runs(String text) {
        List<int[]> uuids = new ArrayList<>();
        Matcher uuid = UUID.matcher(text);
        while (uuid.find()) uuids.add(new int[]{uuid.start(), uuid.end()});
        List<Run> runs = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            if (inside(uuids, run.start(), run.end())) continue;
            int[] at = new int[run.end() - run.start()];
            StringBuilder digits = new StringBuilder();
            for (int i = run.start(); i < run.end(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    at[digits.length()] = i;
                    digits.append(c);
                }
            }
            runs.add(new Run(digits.toString(), at, run.start() > 0 && text.charAt(run.start() - 1) == '+'));
        }
        return runs;
    }

    private static boolean inside(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start >= s[0] && end <= s[1]) return true;
        }
        return false;
    }

    /** Any day 00–99 may stand in an INSZ (past the month's end: an unknown day), so only the month tells. */
    private static boolean possibleDate(String elevenDigits) {
        return Insz.isKnownMonth(Integer.parseInt(elevenDigits.substring(2, 4)));
    }

    private static boolean valid(String elevenDigits) {
        return possibleDate(elevenDigits) && Insz.checksumValid(elevenDigits);
    }
}
