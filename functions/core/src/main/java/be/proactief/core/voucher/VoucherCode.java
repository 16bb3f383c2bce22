package be.proactief.core.voucher;

import be.proactief.core.subject.SubjectKeys;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * The voucher code of one household for one scheme and period: deterministic (a replay, a
 * redelivery or a second run yields the same code), not guessable (a keyed hash under the scheme's
 * secret), readable and easy to type.
 *
 * <p>Format {@code XXXX-XXXX-XXXX-XXXC}: 15 characters of Crockford base32 (digits and capitals
 * without I, L, O, U) carrying 75 bits of HMAC-SHA256(scheme secret, "voucher-code|scheme|period|householdId"),
 * then one check character (Luhn mod 32), which detects every single mistyped character and
 * every swap of two neighbouring characters except 0 with Z. Reading is lenient: case, hyphens and spaces do not matter, and
 * O, I and L read as 0, 1 and 1.
 */
public final class VoucherCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int N = ALPHABET.length();
    private static final int DATA_CHARS = 15;

    private VoucherCode() {
    }

    public static String of(SubjectKeys keys, String scheme, String periodId, String householdId) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(periodId, "periodId");
        Objects.requireNonNull(householdId, "householdId");
        byte[] hash = keys.keyedHash(scheme, "voucher-code|" + scheme + "|" + periodId + "|" + householdId);
        // 75 bits: the first 10 bytes (80 bits) less their last 5
        BigInteger bits = new BigInteger(1, Arrays.copyOf(hash, 10)).shiftRight(5);
        StringBuilder data = new StringBuilder(DATA_CHARS + 1);
        for (int i = DATA_CHARS - 1; i >= 0; i--) {
            data.append(ALPHABET.charAt(bits.shiftRight(5 * i).intValue() & 0x1f));
        }
        data.append(checkCharacter(data));
        return format(data.toString());
    }

    /** Whether {@code text} is a well-formed code whose check character matches (lenient about case, hyphens, spaces, O/I/L). */
    public static boolean isValid(String text) {
        String n = normalize(text);
        if (n == null || n.length() != DATA_CHARS + 1) return false;
        int sum = 0;
        int factor = 1;
        for (int i = n.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(n.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return sum % N == 0;
    }

    /** The 16 characters without separators, upper case, O/I/L read as 0/1/1; null if any other character appears. */
    public static String normalize(String text) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder(16);
        for (char c : text.toCharArray()) {
            if (c == '-' || c == ' ') continue;
            char u = Character.toUpperCase(c);
            if (u == 'O') u = '0';
            if (u == 'I' || u == 'L') u = '1';
            if (ALPHABET.indexOf(u) < 0) return null;
            out.append(u);
        }
        return out.toString();
    }

    /** The code in its printed form, {@code XXXX-XXXX-XXXX-XXXX}. */
    public static String format(String sixteen) {
        return sixteen.substring(0, 4) + "-" + sixteen.substring(4, 8) + "-" + sixteen.substring(8, 12) + "-" + sixteen.substring(12, 16);
    }

    /** Luhn mod 32 over the data characters. */
    static char checkCharacter(CharSequence data) {
        int sum = 0;
        int factor = 2;
        for (int i = data.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(data.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }
}
