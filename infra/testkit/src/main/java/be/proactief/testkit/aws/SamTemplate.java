package be.proactief.testkit.aws;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SAM/CloudFormation template, including the short-form tags ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}, {@code !Join}, {@code !If}, …), which become their long forms
 * ({@code {Ref: x}}, {@code {Fn::GetAtt: [a, b]}}), and resolves the intrinsics the local
 * backends need: parameters (defaults, or values given), pseudo parameters and references
 * between resources.
 */
public final class SamTemplate {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join",
            "Select", "Split", "Sub", "Transform", "If", "Equals", "Not", "And", "Or", "ToJsonString", "Length");

    private final Path source;
    private final Map<String, Object> document;
    private final Map<String, String> parameters;

    private SamTemplate(Path source, Map<String, Object> document, Map<String, String> parameterValues) {
        this.source = source;
        this.document = document;
        Map<String, String> params = new HashMap<>();
        map(document.get("Parameters")).forEach((name, def) -> {
            Object dflt = map(def).get("Default");
            if (dflt != null) params.put(name, String.valueOf(dflt));
        });
        params.putAll(parameterValues);
        params.putIfAbsent("AWS::Region", AwsBackend.REGION.id());
        params.putIfAbsent("AWS::AccountId", AwsBackend.LOCAL_ACCOUNT);
        params.putIfAbsent("AWS::StackName", "proactief");
        params.putIfAbsent("AWS::Partition", "aws");
        params.putIfAbsent("AWS::URLSuffix", "amazonaws.com");
        params.putIfAbsent("AWS::NoValue", "");
        this.parameters = params;
    }

    public static SamTemplate load(Path file, Map<String, String> parameterValues) {
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8), parameterValues);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static SamTemplate parse(Path source, String yaml, Map<String, String> parameterValues) {
        Object doc = new Yaml(new CloudFormationConstructor()).load(yaml);
        if (!(doc instanceof Map)) throw new IllegalArgumentException(source + " is not a CloudFormation template (no mapping at the top)");
        return new SamTemplate(source, (Map<String, Object>) doc, parameterValues);
    }

    public Path source() {
        return source;
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    /** Logical id → resource, in template order. */
    public Map<String, Resource> resources() {
        Map<String, Resource> out = new LinkedHashMap<>();
        map(document.get("Resources")).forEach((id, raw) -> {
            Map<String, Object> r = map(raw);
            out.put(id, new Resource(id, String.valueOf(r.get("Type")), map(r.get("Properties")), r));
        });
        return out;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources().values().stream().filter(r -> r.type().equals(type)).toList();
    }

    public Map<String, Object> globals() {
        return map(document.get("Globals"));
    }

    /**
     * Resolves intrinsics in {@code value}: {@code refs} answers {@code Ref} of a resource,
     * {@code getAtt} answers {@code Fn::GetAtt} (logical id, attribute).
     */
    public Object resolve(Object value, Function<String, String> refs, BiFunction<String, String, String> getAtt) {
        if (value instanceof Map<?, ?> m) {
            if (m.size() == 1) {
                String key = String.valueOf(m.keySet().iterator().next());
                Object arg = m.values().iterator().next();
                switch (key) {
                    case "Ref" -> {
                        String name = String.valueOf(arg);
                        if (parameters.containsKey(name)) return parameters.get(name);
                        String ref = refs.apply(name);
                        if (ref == null) throw new IllegalArgumentException(source + ": !Ref " + name + " names no parameter or known resource");
                        return ref;
                    }
                    case "Fn::GetAtt" -> {
                        List<?> parts = arg instanceof List<?> l ? l : List.of(String.valueOf(arg).split("\\.", 2));
                        return getAtt.apply(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                    }
                    case "Fn::Sub" -> {
                        String text;
                        Map<String, Object> vars = Map.of();
                        if (arg instanceof List<?> l) {
                            text = String.valueOf(l.get(0));
                            vars = map(l.get(1));
                        } else {
                            text = String.valueOf(arg);
                        }
                        return substitute(text, vars, refs, getAtt);
                    }
                    case "Fn::Join" -> {
                        List<?> l = (List<?>) arg;
                        List<String> parts = new ArrayList<>();
                        for (Object o : (List<?>) resolve(l.get(1), refs, getAtt)) parts.add(String.valueOf(o));
                        return String.join(String.valueOf(l.get(0)), parts);
                    }
                    case "Fn::Select" -> {
                        List<?> l = (List<?>) arg;
                        int index = Integer.parseInt(String.valueOf(resolve(l.get(0), refs, getAtt)));
                        return ((List<?>) resolve(l.get(1), refs, getAtt)).get(index);
                    }
                    case "Fn::If" -> {
                        List<?> l = (List<?>) arg;
                        return resolve(condition(String.valueOf(l.get(0)), refs, getAtt) ? l.get(1) : l.get(2), refs, getAtt);
                    }
                    default -> {
                        // not a function, or one the local backends never need: resolve inside
                    }
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), resolve(v, refs, getAtt)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(resolve(o, refs, getAtt));
            return out;
        }
        return value;
    }

    private boolean condition(String name, Function<String, String> refs, BiFunction<String, String, String> getAtt) {
        Object def = map(document.get("Conditions")).get(name);
        if (def == null) throw new IllegalArgumentException(source + ": unknown condition " + name);
        return evaluate(def, refs, getAtt);
    }

    private boolean evaluate(Object expr, Function<String, String> refs, BiFunction<String, String, String> getAtt) {
        Map<String, Object> m = map(expr);
        if (m.containsKey("Fn::Equals")) {
            List<?> l = (List<?>) m.get("Fn::Equals");
            return String.valueOf(resolve(l.get(0), refs, getAtt)).equals(String.valueOf(resolve(l.get(1), refs, getAtt)));
        }
        if (m.containsKey("Fn::Not")) return !evaluate(((List<?>) m.get("Fn::Not")).get(0), refs, getAtt);
        if (m.containsKey("Fn::And")) return ((List<?>) m.get("Fn::And")).stream().allMatch(e -> evaluate(e, refs, getAtt));
        if (m.containsKey("Fn::Or")) return ((List<?>) m.get("Fn::Or")).stream().anyMatch(e -> evaluate(e, refs, getAtt));
        if (m.containsKey("Condition")) return condition(String.valueOf(m.get("Condition")), refs, getAtt);
        throw new IllegalArgumentException(source + ": unsupported condition " + expr);
    }

    private String substitute(String text, Map<String, Object> vars, Function<String, String> refs, BiFunction<String, String, String> getAtt) {
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (vars.containsKey(name)) {
                value = String.valueOf(resolve(vars.get(name), refs, getAtt));
            } else if (parameters.containsKey(name)) {
                value = parameters.get(name);
            } else if (name.contains(".")) {
                String[] parts = name.split("\\.", 2);
                value = getAtt.apply(parts[0], parts[1]);
            } else {
                value = refs.apply(name);
                if (value == null) throw new IllegalArgumentException(source + ": !Sub ${" + name + "} names no parameter or known resource");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** One resource: its logical id, type, properties (unresolved) and whole definition. */
    public record Resource(String logicalId, String type, Map<String, Object> properties, Map<String, Object> definition) {
    }

    /** Turns CloudFormation short-form tags into their long form while loading. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String f : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + f), new Intrinsic("Fn::" + f));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode s) {
                    value = constructScalar(s);
                    if (key.equals("Fn::GetAtt")) value = List.of(String.valueOf(value).split("\\.", 2));
                } else if (node instanceof SequenceNode s) {
                    value = constructSequence(s);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put(key, value);
                return out;
            }
        }
    }
}
