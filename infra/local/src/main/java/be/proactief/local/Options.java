package be.proactief.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line flags of one command: {@code --name value} or {@code --name=value}; anything else is a usage error. */
final class Options {

    /** A usage error: one clear line, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new java.util.ArrayList<>();
    private boolean help;

    static Options parse(String command, List<String> args, Set<String> flags, int maxPositional) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                o.help = true;
            } else if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (!flags.contains(name)) {
                    throw new UsageException(command + ": unknown flag --" + name + " (see ./proactief " + command + " --help)");
                }
                if (value == null) {
                    if (i + 1 >= args.size()) throw new UsageException(command + ": --" + name + " needs a value");
                    value = args.get(++i);
                }
                o.values.put(name, value);
            } else {
                if (o.positional.size() >= maxPositional) throw new UsageException(command + ": unexpected argument '" + a + "'");
                o.positional.add(a);
            }
        }
        return o;
    }

    boolean help() {
        return help;
    }

    String get(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    int intValue(String name, int dflt, int min, int max) {
        if (!values.containsKey(name)) return dflt;
        try {
            int v = Integer.parseInt(values.get(name));
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", got '" + values.get(name) + "'");
        }
    }

    long longValue(String name, long dflt) {
        if (!values.containsKey(name)) return dflt;
        try {
            return Long.parseLong(values.get(name));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + values.get(name) + "'");
        }
    }

    List<String> positional() {
        return positional;
    }
}
