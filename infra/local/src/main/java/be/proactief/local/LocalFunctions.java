package be.proactief.local;

import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.aws.SamTemplate;
import be.proactief.testkit.lambda.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextProvider;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The deployed handler classes of template.yaml, each in its own application context
 * configured from its template environment (resolved against the local resources), as Lambda
 * would run them. Handlers are created on first use and reused (warm).
 */
final class LocalFunctions implements AutoCloseable {

    private final Map<String, FunctionSpec> specs = new LinkedHashMap<>();
    private final Map<String, Object> handlers = new HashMap<>();
    private final SamTemplate template;
    private final AwsBackend.Resources resources;
    private final Map<String, Object> localOverrides;

    LocalFunctions(SamTemplate template, AwsBackend.Resources resources, Map<String, Object> localOverrides) {
        this.template = template;
        this.resources = resources;
        this.localOverrides = localOverrides;
        for (FunctionSpec spec : FunctionSpec.all(template)) specs.put(spec.logicalId(), spec);
    }

    List<FunctionSpec> specs() {
        return List.copyOf(specs.values());
    }

    /** By logical id ({@code CheckApiFunction}) or short name ({@code check-api}, {@code invoice-discounter}). */
    Optional<FunctionSpec> find(String name) {
        if (specs.containsKey(name)) return Optional.of(specs.get(name));
        String wanted = name.replace("-", "").toLowerCase();
        return specs.values().stream().filter(s -> s.logicalId().toLowerCase().equals(wanted + "function")
                || s.logicalId().toLowerCase().equals(wanted)).findFirst();
    }

    /** The function's environment variables, resolved, as Micronaut properties (dotted lower case) for its Settings. */
    Map<String, Object> properties(FunctionSpec spec) {
        Map<String, Object> props = new HashMap<>();
        spec.environment().forEach((name, value) -> {
            Object resolved;
            try {
                resolved = template.resolve(value, this::ref, this::getAtt);
            } catch (RuntimeException e) {
                return; // a value only AWS can give (e.g. another stack's export): the local overrides supply it
            }
            String text = String.valueOf(resolved);
            if (text.startsWith("{{resolve:")) return; // Secrets Manager / SSM: the local run uses a development key
            props.put(name.toLowerCase().replace('_', '.'), text);
        });
        props.putAll(localOverrides);
        return props;
    }

    private String ref(String logicalId) {
        if (resources.tableNames().containsKey(logicalId)) return resources.tableNames().get(logicalId);
        if (resources.queueUrls().containsKey(logicalId)) return resources.queueUrls().get(logicalId);
        return null;
    }

    private String getAtt(String logicalId, String attribute) {
        if (attribute.equals("Arn") && resources.queueArns().containsKey(logicalId)) return resources.queueArns().get(logicalId);
        if (attribute.equals("Arn") && resources.tableNames().containsKey(logicalId)) {
            return "arn:aws:dynamodb:" + AwsBackend.REGION.id() + ":" + AwsBackend.LOCAL_ACCOUNT + ":table/" + resources.tableNames().get(logicalId);
        }
        if (attribute.equals("QueueName") && resources.queueUrls().containsKey(logicalId)) {
            String url = resources.queueUrls().get(logicalId);
            return url.substring(url.lastIndexOf('/') + 1);
        }
        throw new IllegalArgumentException("!GetAtt " + logicalId + "." + attribute + " has no local value");
    }

    synchronized Object handler(FunctionSpec spec) {
        return handler(spec, 0);
    }

    /**
     * Starts every function the stack runs itself (behind the API, on a queue) once, as Lambda initialises it, before
     * anyone is told the stack runs: one that cannot start (a bad setting) stops the local run with its message, which
     * names the setting. A scheduled function starts when {@code trigger} fires it, with the roster it is given.
     */
    void startAll() {
        for (FunctionSpec spec : specs()) {
            if (!spec.routes().isEmpty() || !spec.sqsSources().isEmpty()) handler(spec);
        }
    }

    /** The most telling message of a failure: the innermost one that says what is wrong, not the framework's wrapping. */
    static String reason(Throwable failure) {
        String best = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ((t instanceof IllegalArgumentException || t instanceof IllegalStateException) && t.getMessage() != null) best = t.getMessage();
        }
        return best == null ? failure.getClass().getSimpleName() : best;
    }

    /** Instance {@code instance} of the function: Lambda runs concurrent invocations in separate instances. */
    synchronized Object handler(FunctionSpec spec, int instance) {
        return handlers.computeIfAbsent(spec.logicalId() + "#" + instance, id -> {
            try {
                Class<?> type = Class.forName(spec.handlerClass());
                ApplicationContext context = ApplicationContext.builder().properties(properties(spec)).start();
                return type.getConstructor(ApplicationContext.class).newInstance(context);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(spec.logicalId() + " cannot start: " + be.proactief.core.insz.Insz.redact(reason(e.getCause())), e.getCause());
            } catch (RuntimeException e) { // the function's context itself did not start (a bean it builds at once)
                throw new IllegalStateException(spec.logicalId() + " cannot start: " + be.proactief.core.insz.Insz.redact(reason(e)), e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(spec.logicalId() + ": handler " + spec.handlerClass()
                        + " is not on the classpath or has no (ApplicationContext) constructor", e);
            }
        });
    }

    /**
     * The event type the function takes, as the Lambda runtime reads it: the parameter of its {@code handleRequest}, or,
     * where that is the erased {@code Object} of a generic handler ({@code MicronautRequestHandler<SQSEvent, …>}), the
     * type argument its class gives. Read as {@code Object}, an SQS event became a map whose "Records" no field took.
     */
    static Class<?> inputType(Class<?> type) {
        Class<?> declared = handleRequest(type).getParameterTypes()[0];
        if (declared != Object.class) return declared;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof java.lang.reflect.ParameterizedType p
                    && p.getActualTypeArguments().length > 0 && p.getActualTypeArguments()[0] instanceof Class<?> in) {
                return in;
            }
        }
        return declared;
    }

    /** The {@code handleRequest(I, Context)} method the Lambda runtime would call (not a bridge method). */
    static Method handleRequest(Class<?> type) {
        Method found = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && Context.class.equals(m.getParameterTypes()[1])
                    && !m.isBridge()) {
                if (found == null || found.getParameterTypes()[0].isAssignableFrom(m.getParameterTypes()[0])) found = m;
            }
        }
        if (found == null) throw new IllegalStateException(type.getName() + " has no handleRequest(I, Context)");
        return found;
    }

    /** Invokes the function on an input object of its handler's type. */
    Object invoke(FunctionSpec spec, Object input) {
        return invoke(spec, 0, input);
    }

    Object invoke(FunctionSpec spec, int instance, Object input) {
        Object handler = handler(spec, instance);
        Method method = handleRequest(handler.getClass());
        try {
            return method.invoke(handler, input, new LocalLambdaContext(UUID.randomUUID().toString(), spec.logicalId(), spec.timeout()));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Invokes the function on a JSON event (as {@code sam local invoke} does) and returns its JSON response. */
    String invokeJson(FunctionSpec spec, String eventJson) {
        Object handler = handler(spec);
        JsonMapper json = ((ApplicationContextProvider) handler).getApplicationContext().getBean(JsonMapper.class);
        Class<?> inputType = inputType(handler.getClass());
        try {
            Object input = inputType == String.class ? eventJson : json.readValue(eventJson, inputType);
            Object output = invoke(spec, input);
            return output instanceof String s ? s : json.writeValueAsString(output);
        } catch (IOException e) {
            throw new UncheckedIOException("the event is not a " + inputType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        handlers.values().forEach(h -> {
            if (h instanceof ApplicationContextProvider p) {
                try {
                    p.getApplicationContext().close();
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
        });
        handlers.clear();
    }
}
