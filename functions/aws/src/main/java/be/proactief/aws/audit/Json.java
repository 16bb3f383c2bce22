package be.proactief.aws.audit;

import be.proactief.core.messaging.JsonText;

import java.util.Map;

/** Writes flat JSON objects for structured log lines; no library needed for this much. */
public final class Json {

    private Json() {
    }

    /** {"k":"v",…} with nulls left out; numbers and booleans unquoted, maps as nested objects. */
    public static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (e.getValue() == null) continue;
            if (out.length() > 1) out.append(',');
            JsonText.quote(out, e.getKey());
            out.append(':');
            Object v = e.getValue();
            if (v instanceof Number || v instanceof Boolean) {
                out.append(v);
            } else if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> fields2 = (Map<String, ?>) nested;
                out.append(object(fields2));
            } else {
                JsonText.quote(out, String.valueOf(v));
            }
        }
        return out.append('}').toString();
    }
}
