package be.proactief.testkit.aws;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What template.yaml gives one function in its environment ({@code Globals} and its own
 * {@code Environment.Variables}), so that a test can start the function with that and no more,
 * as Lambda will. Function settings are dotted lower-case properties (the same names as the
 * environment variables, see the functions' {@code Settings}).
 */
public final class TemplateEnvironment {

    /** Settings of a local run that stand in for one the template sets on AWS. */
    private static final Map<String, String> STAND_INS = Map.of(
            "PROACTIEF_ROSTER_FILE", "PROACTIEF_ROSTER_URL",
            "PROACTIEF_DEV_SUBJECT_KEY", "PROACTIEF_SUBJECT_KEYS_SECRET",
            "PROACTIEF_SUBJECT_KEYS", "PROACTIEF_SUBJECT_KEYS_SECRET");

    private final Set<String> ownVariables;
    private final Set<String> anyFunctionsVariables = new LinkedHashSet<>();

    private TemplateEnvironment(SamTemplate template, String logicalId) {
        SamTemplate.Resource function = template.resources().get(logicalId);
        if (function == null || !function.type().equals("AWS::Serverless::Function")) {
            throw new IllegalArgumentException(template.source() + " has no function " + logicalId);
        }
        Set<String> globals = variables(template.globals().get("Function"));
        ownVariables = new LinkedHashSet<>(globals);
        ownVariables.addAll(variables(function.properties()));
        anyFunctionsVariables.addAll(globals);
        template.resourcesOfType("AWS::Serverless::Function").forEach(f -> anyFunctionsVariables.addAll(variables(f.properties())));
    }

    public static TemplateEnvironment of(Path template, String logicalId) {
        return new TemplateEnvironment(SamTemplate.load(template, Map.of()), logicalId);
    }

    /** The names of the variables the function gets. */
    public Set<String> variables() {
        return Set.copyOf(ownVariables);
    }

    /**
     * {@code properties} without the settings the template gives other functions but not this
     * one. Settings the template gives no function (emulator endpoints, client timeouts) stay:
     * they stand for what AWS provides itself.
     */
    public Map<String, Object> only(Map<String, Object> properties) {
        Map<String, Object> out = new HashMap<>();
        properties.forEach((name, value) -> {
            String variable = name.toUpperCase().replace('.', '_');
            String onAws = STAND_INS.getOrDefault(variable, variable);
            if (!anyFunctionsVariables.contains(onAws) || ownVariables.contains(onAws)) out.put(name, value);
        });
        return out;
    }

    /**
     * Runs {@code start} with {@code properties} as system properties, as the function's no-arg
     * constructor (the one Lambda calls) reads them in place of environment variables; restores
     * the system properties afterwards.
     */
    public static synchronized <T> T withSystemProperties(Map<String, Object> properties, java.util.function.Supplier<T> start) {
        Map<String, String> before = new HashMap<>();
        properties.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        try {
            properties.forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
            return start.get();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
    }

    private static Set<String> variables(Object functionProperties) {
        return SamTemplate.map(SamTemplate.map(SamTemplate.map(functionProperties).get("Environment")).get("Variables")).keySet();
    }
}
