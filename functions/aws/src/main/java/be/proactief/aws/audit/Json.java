package be.proactief.aws.audit;

import java.util.Map;

/** Writes flat JSON objects for structured log lines; no library needed for this much. */
public final class Json {

    private Json() {
    }

    /** {"k":"v",…} with nulls left out; numbers and booleans unquoted. */
    public static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (e.getValue() == null) continue;
            if (out.length() > 1) out.append(',');
            string(out, e.getKey());
            out.append(':');
            Object v = e.getValue();
            if (v instanceof Number || v instanceof Boolean) {
                out.append(v);
            } else {
                string(out, String.valueOf(v));
            }
        }
        return out.append('}').toString();
    }

    static void string(StringBuilder out, String s) {
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
        out.append('"');
    }
}
