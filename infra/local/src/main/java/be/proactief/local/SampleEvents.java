package be.proactief.local;

import be.proactief.core.insz.Insz;
import be.proactief.testkit.magda.Personas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of the sample events under {@code functions/*&#47;src/test/resources/events/} filled in, so that
 * {@code ./proactief invoke} runs each as it is: the local run's sample residents ({@code ${INSZ}}, {@code ${LEEFLOON_INSZ}}, …;
 * MAGDA test numbers the simulator knows), today's dates and periods, fresh message ids, and for a voucher-work event a
 * sample household as its {@code ${BODY}}. A placeholder this does not know stops the invoke, naming it.
 */
final class SampleEvents {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private SampleEvents() {
    }

    /** @param queueArn the ARN of the queue the function reads (for an SQS event), or null */
    static String fill(String event, String logicalId, String queueArn) {
        Map<String, String> values = values(logicalId, queueArn);
        String body = values.get("BODY");
        values.put("MD5_OF_BODY", md5(body));
        values.put("BODY", body.replace("\\", "\\\\").replace("\"", "\\\""));
        Matcher m = PLACEHOLDER.matcher(event);
        StringBuilder out = new StringBuilder();
        Set<String> unknown = new TreeSet<>();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) unknown.add(m.group(0));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group(0) : value));
        }
        m.appendTail(out);
        if (!unknown.isEmpty()) {
            throw new Options.UsageException("invoke: the event has placeholders the launcher does not fill: " + String.join(", ", unknown) + "; replace them first");
        }
        return out.toString();
    }

    private static Map<String, String> values(String logicalId, String queueArn) {
        LocalDate today = LocalDate.now(BRUSSELS);
        Insz leefloon = Personas.leefloon().insz();
        boolean voucher = logicalId.startsWith("Voucher");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("INSZ", leefloon.digits());
        v.put("LEEFLOON_INSZ", leefloon.digits());
        v.put("INCREASED_ALLOWANCE_INSZ", Personas.increasedAllowance().insz().digits());
        v.put("NO_STATUS_INSZ", Personas.noStatus().insz().digits());
        v.put("BAD_INSZ", leefloon.digits().substring(0, 9) + (leefloon.digits().endsWith("00") ? "01" : "00"));
        v.put("TODAY", today.toString());
        v.put("IN_TWO_WEEKS", today.plusWeeks(2).toString());
        v.put("PERIOD", voucher ? Integer.toString(today.getYear()) : YearMonth.from(today).toString());
        v.put("SCHEME", "uitpas-kansentarief");
        v.put("RUN_ID", "manual-" + System.currentTimeMillis());
        v.put("SCHEDULED_TIME", Instant.now().toString());
        v.put("OVERRIDE_ID", UUID.randomUUID().toString());
        v.put("MESSAGE_ID", UUID.randomUUID().toString());
        v.put("RECEIPT_HANDLE", "local-" + UUID.randomUUID());
        v.put("QUEUE_ARN", queueArn == null ? "arn:aws:sqs:eu-west-1:000000000000:local" : queueArn);
        String now = Long.toString(System.currentTimeMillis());
        v.put("SENT_TIMESTAMP", now);
        v.put("FIRST_RECEIVE_TIMESTAMP", now);
        v.put("RECEIVE_COUNT", "1");
        v.put("BODY", "{\"scheme\":\"waste-bags\",\"period\":\"" + today.getYear() + "\",\"runId\":\"manual\",\"household\":{\"householdId\":\"HH-SAMPLE-1\","
                + "\"members\":[{\"insz\":\"" + Personas.increasedAllowance().insz().digits() + "\"}],\"size\":2,\"zone\":\"BAGS\",\"wastePassId\":\"AFP-SAMPLE-1\"}}");
        return v;
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
