package be.proactief.local;

import be.proactief.testkit.aws.SamTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of template.yaml, as the local run needs it: its
 * handler, environment, HTTP routes (with the scopes the JWT authorizer demands), SQS event
 * source mappings, schedules and timeout (each local invocation's {@code getRemainingTimeInMillis} counts down from it).
 */
record FunctionSpec(String logicalId, String handlerClass, Map<String, Object> environment, List<HttpRoute> routes,
                    List<SqsSource> sqsSources, List<Schedule> schedules, java.time.Duration timeout) {

    record HttpRoute(String method, String path, List<String> scopes) {
        /** Matches {@code /v1/overrides/{id}} against {@code /v1/overrides/abc}. */
        boolean matches(String requestMethod, String requestPath) {
            if (!method.equalsIgnoreCase(requestMethod) && !method.equalsIgnoreCase("ANY")) return false;
            String[] want = path.split("/");
            String[] got = requestPath.split("/");
            if (want.length != got.length) return false;
            for (int i = 0; i < want.length; i++) {
                if (want[i].startsWith("{") && want[i].endsWith("}")) {
                    if (got[i].isEmpty()) return false;
                } else if (!want[i].equals(got[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    record SqsSource(String eventName, String queueLogicalId, int batchSize, int maximumBatchingWindowSeconds, boolean reportBatchItemFailures,
                     int maximumConcurrency) {
    }

    record Schedule(String eventName, String expression, Object input) {
    }

    @SuppressWarnings("unchecked")
    static List<FunctionSpec> all(SamTemplate template) {
        Map<String, Object> globals = SamTemplate.map(SamTemplate.map(template.globals().get("Function")).get("Environment"));
        Map<String, Object> globalVariables = SamTemplate.map(globals.get("Variables"));
        int globalTimeout = intValue(SamTemplate.map(template.globals().get("Function")).get("Timeout"), 3); // Lambda's default: 3 s
        List<FunctionSpec> out = new ArrayList<>();
        for (SamTemplate.Resource r : template.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> p = r.properties();
            String handler = String.valueOf(p.get("Handler"));
            String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            Map<String, Object> env = new LinkedHashMap<>(globalVariables);
            env.putAll(SamTemplate.map(SamTemplate.map(p.get("Environment")).get("Variables")));
            List<HttpRoute> routes = new ArrayList<>();
            List<SqsSource> sqs = new ArrayList<>();
            List<Schedule> schedules = new ArrayList<>();
            SamTemplate.map(p.get("Events")).forEach((name, raw) -> {
                Map<String, Object> event = SamTemplate.map(raw);
                Map<String, Object> ep = SamTemplate.map(event.get("Properties"));
                switch (String.valueOf(event.get("Type"))) {
                    case "HttpApi" -> {
                        Map<String, Object> auth = SamTemplate.map(ep.get("Auth"));
                        List<String> scopes = auth.get("AuthorizationScopes") instanceof List<?> l ? (List<String>) l : List.of();
                        routes.add(new HttpRoute(String.valueOf(ep.getOrDefault("Method", "ANY")), String.valueOf(ep.get("Path")), scopes));
                    }
                    case "SQS" -> {
                        Object queue = ep.get("Queue");
                        String queueId = queue instanceof Map<?, ?> m && m.get("Fn::GetAtt") instanceof List<?> ga ? String.valueOf(ga.get(0)) : String.valueOf(queue);
                        List<?> types = ep.get("FunctionResponseTypes") instanceof List<?> l ? l : List.of();
                        sqs.add(new SqsSource(name, queueId, intValue(ep.get("BatchSize"), 10), intValue(ep.get("MaximumBatchingWindowInSeconds"), 0),
                                types.contains("ReportBatchItemFailures"),
                                intValue(SamTemplate.map(ep.get("ScalingConfig")).get("MaximumConcurrency"), 1000)));
                    }
                    case "ScheduleV2", "Schedule" -> schedules.add(new Schedule(name, String.valueOf(ep.get("ScheduleExpression")), ep.get("Input")));
                    default -> {
                        // other event types are not emulated locally
                    }
                }
            });
            out.add(new FunctionSpec(r.logicalId(), handlerClass, env, routes, sqs, schedules,
                    java.time.Duration.ofSeconds(intValue(p.get("Timeout"), globalTimeout))));
        }
        return out;
    }

    private static int intValue(Object o, int dflt) {
        return o == null ? dflt : Integer.parseInt(String.valueOf(o));
    }
}
