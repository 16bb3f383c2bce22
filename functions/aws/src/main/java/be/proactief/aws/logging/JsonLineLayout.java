package be.proactief.aws.logging;

import be.proactief.aws.audit.Json;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per log event, on one line, for CloudWatch Logs (whose Logs Insights then finds every field):
 * {@code {"level":"WARN","logger":"…","requestId":"<Lambda request id>","traceId":"<X-Ray trace id>","message":"…"}}.
 * The request and trace ids come from the logging context micronaut-function-aws fills for each invocation
 * ({@value #REQUEST_ID}, {@value #TRACE_ID}). A message that is itself a JSON object (an audit event, a run's summary)
 * gives its fields to the line instead of a {@code message} string, so {@code filter audit = "CHECK"} works as is.
 * Messages are written as the code made them: every line that could name a resident masks the number before it logs.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    /** micronaut-function-aws's logging-context key of the invocation's request id. */
    public static final String REQUEST_ID = "AWSRequestId";
    /** micronaut-function-aws's logging-context key of the X-Ray trace id. */
    public static final String TRACE_ID = "AWS-XRAY-TRACE-ID";

    /** The exception and its causes, {@code Class: message <- Class: message}, anything that may be a national number masked. */
    static String causes(IThrowableProxy thrown) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (IThrowableProxy t = thrown; t != null && depth < 8; t = t.getCause(), depth++) {
            if (depth > 0) out.append(" <- ");
            out.append(t.getClassName());
            if (t.getMessage() != null) out.append(": ").append(t.getMessage());
            StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
            if (depth == 0 && frames != null && frames.length > 0) out.append(" at ").append(frames[0].getStackTraceElement());
        }
        return be.proactief.core.insz.Insz.redact(out.toString());
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("level", event.getLevel().toString());
        fields.put("logger", event.getLoggerName());
        Map<String, String> context = event.getMDCPropertyMap();
        if (context != null) {
            fields.put("requestId", context.get(REQUEST_ID));
            fields.put("traceId", context.get(TRACE_ID));
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) fields.put("exception", causes(thrown));
        String message = event.getFormattedMessage();
        boolean object = message != null && message.length() > 2 && message.startsWith("{\"") && message.endsWith("}") && message.indexOf('\n') < 0;
        if (!object) fields.put("message", message);
        String line = Json.object(fields);
        return (object ? line.substring(0, line.length() - 1) + "," + message.substring(1) : line) + CoreConstants.LINE_SEPARATOR;
    }
}
