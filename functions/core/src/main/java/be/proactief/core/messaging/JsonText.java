package be.proactief.core.messaging;

/** Writes a JSON string literal, for the few flat messages and log lines this project writes by hand. */
public final class JsonText {

    private JsonText() {
    }

    /** Appends {@code s} as a quoted JSON string: quotes, backslashes and control characters escaped. */
    public static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"');
    }

    /** Appends {@code "name":value}, the value quoted, or {@code null}. */
    public static StringBuilder field(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":");
        return value == null ? out.append("null") : quote(out, value);
    }
}
