package be.proactief.core.scheme;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one scheme file (YAML). Every problem names the file and the field, so a broken
 * file stops the start-up with a message a city's developer can act on.
 *
 * <p>String values may refer to configuration as {@code ${NAME:default}} (e.g. the third,
 * city-chosen status of {@code school-discount}).
 */
final class SchemeFileParser {

    private static final Pattern STATUS_NAME = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,40}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::([^}]*))?}");

    /**
     * The settings a scheme file may read: {@code PROACTIEF_SCHEME_*}, and the two the shipped files document. Any other
     * (a secret, a table name) could otherwise be put in a scheme's name and read back from {@code GET /v1/schemes}.
     */
    static final Pattern READABLE_SETTING = Pattern.compile("PROACTIEF_SCHEME_[A-Z0-9_]+|PROACTIEF_SCHOOL_DISCOUNT_TIER3_STATUS|PROACTIEF_UITPAS_END_MONTH_DAY");

    private final String file;
    private final Function<String, String> config;

    SchemeFileParser(String file, Function<String, String> config) {
        this.file = file;
        this.config = config;
    }

    SchemeVersion parse(String yamlText) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (YAMLException e) {
            throw new SchemeFileException(file, "is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        Map<?, ?> doc = map(root, "(document)");
        String id = text(doc, "id", true);
        if (!ID.matcher(id).matches()) throw fail("id", "must be lower-case letters, digits and '-', got '" + id + "'");
        int version = integer(doc, "version");
        if (version < 1) throw fail("version", "must be 1 or more, got " + version);
        Map<?, ?> name = map(doc.get("name"), "name");
        String nameNl = text(name, "name.nl", "nl", true);
        String nameEn = text(name, "name.en", "en", true);

        Map<?, ?> periodMap = map(doc.get("period"), "period");
        PeriodKind kind = enumValue(PeriodKind.class, text(periodMap, "period.kind", "kind", true), "period.kind");
        String statusDateText = text(periodMap, "period.statusDate", "statusDate", false);
        StatusDate statusDate = statusDateText == null
                ? (kind == PeriodKind.UNTIL_DATE ? StatusDate.REQUEST_DATE : StatusDate.PERIOD_START)
                : enumValue(StatusDate.class, statusDateText, "period.statusDate");
        MonthDay end = null;
        String endText = text(periodMap, "period.endMonthDay", "endMonthDay", kind == PeriodKind.UNTIL_DATE);
        if (endText != null) {
            try {
                end = MonthDay.parse("--" + endText);
            } catch (DateTimeParseException e) {
                throw fail("period.endMonthDay", "must be MM-DD, e.g. 12-31, got '" + endText + "'");
            }
        }

        Duration recheck = null;
        String recheckText = text(doc, "notEntitledRecheckAfter", false);
        if (recheckText != null) {
            try {
                recheck = Duration.parse(recheckText);
            } catch (DateTimeParseException e) {
                throw fail("notEntitledRecheckAfter", "must be an ISO-8601 duration such as P1D or PT12H, got '" + recheckText + "'");
            }
        }
        java.time.Period retention;
        String retentionText = text(doc, "retention", true);
        try {
            retention = java.time.Period.parse(retentionText);
        } catch (DateTimeParseException e) {
            throw fail("retention", "must be an ISO-8601 period such as P2Y, got '" + retentionText + "'");
        }

        Object tiersRaw = doc.get("tiers");
        if (!(tiersRaw instanceof List<?> tierList) || tierList.isEmpty()) {
            throw fail("tiers", "must be a non-empty list, most generous tier first");
        }
        List<Tier> tiers = new ArrayList<>();
        Set<String> tierIds = new HashSet<>();
        for (int i = 0; i < tierList.size(); i++) {
            String at = "tiers[" + i + "]";
            Map<?, ?> t = map(tierList.get(i), at);
            String tierId = text(t, at + ".id", "id", true);
            if (!ID.matcher(tierId).matches()) throw fail(at + ".id", "must be lower-case letters, digits and '-', got '" + tierId + "'");
            if (!tierIds.add(tierId)) throw fail(at + ".id", "repeats tier id '" + tierId + "'");
            Object statusesRaw = t.get("statuses");
            if (!(statusesRaw instanceof List<?> statusList) || statusList.isEmpty()) {
                throw fail(at + ".statuses", "must list 1 to 8 MAGDA status names");
            }
            if (statusList.size() > 8) throw fail(at + ".statuses", "has " + statusList.size() + " names; the platform takes at most 8 in one question");
            List<String> statuses = new ArrayList<>();
            for (int s = 0; s < statusList.size(); s++) {
                String status = resolve(String.valueOf(statusList.get(s)), at + ".statuses[" + s + "]");
                if (!STATUS_NAME.matcher(status).matches()) {
                    throw fail(at + ".statuses[" + s + "]", "must be a MAGDA status name such as BIM_BVT_IN_FAMILY, got '" + status + "'");
                }
                statuses.add(status);
            }
            Map<?, ?> ground = map(t.get("ground"), at + ".ground");
            Benefit benefit = benefit(map(t.get("benefit"), at + ".benefit"), at + ".benefit");
            tiers.add(new Tier(tierId, statuses, text(ground, at + ".ground.nl", "nl", true), text(ground, at + ".ground.en", "en", true), benefit));
        }
        String consultationText = text(doc, "consultation", false);
        Consultation consultation = consultationText == null ? Consultation.TIER_BY_TIER
                : enumValue(Consultation.class, consultationText, "consultation");
        long distinct = tiers.stream().flatMap(t -> t.statuses().stream()).distinct().count();
        if (consultation == Consultation.ONE_QUESTION && distinct > 8) {
            throw fail("consultation", "ONE_QUESTION asks all " + distinct + " statuses at once; the platform takes at most 8");
        }
        return new SchemeVersion(id, version, nameNl, nameEn, new PeriodDefinition(kind, statusDate, end), tiers, recheck, retention,
                consultation, validFrom(doc, kind), registration(doc), file);
    }

    /** {@code magda: {identificatie, hoedanigheid}}: the registration this scheme's questions go under, or null. */
    private be.proactief.core.platform.PlatformRegistration registration(Map<?, ?> doc) {
        if (doc.get("magda") == null) return null;
        Map<?, ?> magda = map(doc.get("magda"), "magda");
        for (Object key : magda.keySet()) {
            if (!"identificatie".equals(key) && !"hoedanigheid".equals(key)) {
                throw fail("magda." + key, "is not known: a scheme's magda registration has identificatie and hoedanigheid");
            }
        }
        return new be.proactief.core.platform.PlatformRegistration(text(magda, "magda.identificatie", "identificatie", true),
                text(magda, "magda.hoedanigheid", "hoedanigheid", true));
    }

    /** {@code validFrom}: the first period this version governs, written as the period kind writes a period. */
    private LocalDate validFrom(Map<?, ?> doc, PeriodKind kind) {
        String text = text(doc, "validFrom", false);
        if (text == null) return null;
        String expected = switch (kind) {
            case MONTH -> "YYYY-MM";
            case CALENDAR_YEAR -> "YYYY";
            case SCHOOL_YEAR -> "YYYY-YYYY";
            default -> "YYYY-MM-DD";
        };
        try {
            return switch (kind) {
                case MONTH -> {
                    if (!text.matches("\\d{4}-\\d{2}")) throw new DateTimeParseException("form", text, 0);
                    yield java.time.YearMonth.parse(text).atDay(1);
                }
                case CALENDAR_YEAR -> {
                    if (!text.matches("\\d{4}")) throw new DateTimeParseException("form", text, 0);
                    yield LocalDate.of(Integer.parseInt(text), 1, 1);
                }
                case SCHOOL_YEAR -> {
                    if (!text.matches("\\d{4}-\\d{4}") || Integer.parseInt(text.substring(5)) != Integer.parseInt(text.substring(0, 4)) + 1) {
                        throw new DateTimeParseException("form", text, 0);
                    }
                    yield LocalDate.of(Integer.parseInt(text.substring(0, 4)), 9, 1);
                }
                default -> LocalDate.parse(text);
            };
        } catch (DateTimeParseException e) {
            throw fail("validFrom", "must be the first period this version governs, " + expected + " for a " + kind + " scheme, got '" + text + "'");
        }
    }

    private Benefit benefit(Map<?, ?> b, String at) {
        Benefit.Kind kind = enumValue(Benefit.Kind.class, text(b, at + ".kind", "kind", true), at + ".kind");
        Map<?, ?> description = map(b.get("description"), at + ".description");
        String nl = text(description, at + ".description.nl", "nl", true);
        String en = text(description, at + ".description.en", "en", true);
        Integer percent = null;
        List<String> appliesTo = List.of();
        List<Long> amounts = List.of();
        Long passPrice = null;
        switch (kind) {
            case DISCOUNT -> {
                percent = percent(b, at);
                appliesTo = stringList(b.get("appliesTo"), at + ".appliesTo");
            }
            case HOUSEHOLD_AMOUNT -> {
                Object raw = b.get("amountsCentsByHouseholdSize");
                if (!(raw instanceof List<?> list) || list.isEmpty()) {
                    throw fail(at + ".amountsCentsByHouseholdSize", "must list the amount in cents for 1, 2, … persons");
                }
                List<Long> values = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    if (!(list.get(i) instanceof Number n) || n.longValue() < 0) {
                        throw fail(at + ".amountsCentsByHouseholdSize[" + i + "]", "must be a whole number of cents ≥ 0, got '" + list.get(i) + "'");
                    }
                    values.add(n.longValue());
                }
                amounts = values;
            }
            case REDUCED_RATE -> {
                percent = percent(b, at);
                Object price = b.get("passPriceCents");
                if (!(price instanceof Number n) || n.longValue() < 0) throw fail(at + ".passPriceCents", "must be a whole number of cents ≥ 0");
                passPrice = n.longValue();
            }
        }
        return new Benefit(kind, nl, en, percent, appliesTo, amounts, passPrice);
    }

    private int percent(Map<?, ?> b, String at) {
        Object raw = b.get("discountPercent");
        if (!(raw instanceof Integer p) || p < 0 || p > 100) {
            throw fail(at + ".discountPercent", "must be a whole number from 0 to 100, got '" + raw + "'");
        }
        return p;
    }

    private List<String> stringList(Object raw, String field) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) throw fail(field, "must be a non-empty list");
        List<String> out = new ArrayList<>();
        for (Object o : list) out.add(String.valueOf(o));
        return out;
    }

    private Map<?, ?> map(Object raw, String field) {
        if (raw instanceof Map<?, ?> m) return m;
        throw fail(field, raw == null ? "is missing" : "must be a mapping");
    }

    private String text(Map<?, ?> m, String key, boolean required) {
        return text(m, key, key, required);
    }

    private String text(Map<?, ?> m, String field, String key, boolean required) {
        Object raw = m.get(key);
        if (raw == null || String.valueOf(raw).isBlank()) {
            if (required) throw fail(field, "is missing");
            return null;
        }
        if (raw instanceof Map || raw instanceof List) throw fail(field, "must be a single value");
        return resolve(String.valueOf(raw), field);
    }

    private int integer(Map<?, ?> m, String key) {
        Object raw = m.get(key);
        if (raw == null) throw fail(key, "is missing");
        if (!(raw instanceof Integer i)) throw fail(key, "must be a whole number, got '" + raw + "'");
        return i;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw fail(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
        }
    }

    private String resolve(String value, String field) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!READABLE_SETTING.matcher(m.group(1)).matches()) {
                throw fail(field, "refers to ${" + m.group(1) + "}; a scheme file may read only PROACTIEF_SCHEME_* settings "
                        + "(and PROACTIEF_SCHOOL_DISCOUNT_TIER3_STATUS, PROACTIEF_UITPAS_END_MONTH_DAY)");
            }
            String configured = config.apply(m.group(1));
            String replacement = configured != null ? configured : m.group(2);
            if (replacement == null) throw fail(field, "refers to ${" + m.group(1) + "}, which is not configured and has no default");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private SchemeFileException fail(String field, String problem) {
        return new SchemeFileException(file, field, problem);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
