package be.proactief.core.insz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds INSZs in free text. A <em>run</em> is a stretch of digits in which any two follow each other
 * with at most three separators between them (white space of any kind, '.', '-', '/', typographic
 * dashes); a <em>group</em> is a stretch of digits with no separator inside.
 * <ul>
 *   <li>A run of exactly 11 digits is a possible INSZ, valid or not: a mistyped one is still somebody's.</li>
 *   <li>In a longer run, 11 digits in a row that form a valid INSZ (date part and mod-97) are one
 *       ({@code dossier 2024 85073003328}, or glued: {@code 850730033281}).</li>
 * </ul>
 * Logs mask all of these. Refusing text is stricter, so that dates, IBANs and phone numbers in a
 * caseworker's note pass: only a valid INSZ that starts and ends at a group's edge counts.
 */
final class InszFinder {

    private static final Pattern RUN = Pattern.compile("\\d(?:[-./\\s\\u00A0\\u2010-\\u2015]{0,3}\\d)*");

    /** Where an INSZ stands in the text: from its first digit to just after its last; its 11 digits. */
    record Found(int start, int end, String digits) {
    }

    private InszFinder() {
    }

    /** Everything a log line must not show, in text order, not overlapping. */
    static List<Found> toMask(String text) {
        return find(text, false);
    }

    /** Only valid INSZs that stand on their own: what free text may not hold. */
    static List<Found> certain(String text) {
        return find(text, true);
    }

    private static List<Found> find(String text, boolean certainOnly) {
        List<Found> found = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            int[] at = new int[run.end() - run.start()];
            StringBuilder digits = new StringBuilder();
            for (int i = run.start(); i < run.end(); i++) {
                if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    at[digits.length()] = i;
                    digits.append(text.charAt(i));
                }
            }
            int n = digits.length();
            if (n < 11) continue;
            if (n == 11 && !certainOnly) {
                found.add(new Found(at[0], at[10] + 1, digits.toString()));
                continue;
            }
            for (int i = 0; i + 11 <= n; i++) {
                String window = digits.substring(i, i + 11);
                if (!valid(window)) continue;
                if (certainOnly && !(startsGroup(at, i) && endsGroup(at, i + 10, n))) continue;
                found.add(new Found(at[i], at[i + 10] + 1, window));
                i += 10;
            }
        }
        return found;
    }

    private static boolean startsGroup(int[] at, int i) {
        return i == 0 || at[i] - at[i - 1] > 1;
    }

    private static boolean endsGroup(int[] at, int last, int n) {
        return last == n - 1 || at[last + 1] - at[last] > 1;
    }

    private static boolean valid(String elevenDigits) {
        int month = Integer.parseInt(elevenDigits.substring(2, 4));
        int day = Integer.parseInt(elevenDigits.substring(4, 6));
        return Insz.isKnownMonth(month) && day <= 31 && Insz.checksumValid(elevenDigits);
    }
}
