package be.proactief.testkit.magda;

import be.proactief.core.insz.Insz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A synthetic person the simulator knows: an INSZ (a MAGDA test number, month 61–72) and, per
 * MAGDA social status name ({@code LIVING_WAGES_PCSA_HELP}, {@code BIM_BVT}, …), the periods in
 * which it holds. A status not listed never applies; a person with no statuses is still known
 * (unlike an unregistered INSZ, which the platform answers with an Uitzondering). {@code reply} says
 * how the simulator replies about this persona: the answer, or one of the replies that do not answer ({@link Reply}).
 * {@link #toString()} shows the INSZ masked.
 */
public record Persona(Insz insz, Map<String, List<StatusPeriod>> statuses, Reply reply) {

    public Persona {
        Objects.requireNonNull(insz, "insz");
        reply = reply == null ? Reply.ANSWER : reply;
        Map<String, List<StatusPeriod>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(statuses, "statuses").forEach((name, periods) -> {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("status name is blank");
            copy.put(name, List.copyOf(periods));
        });
        statuses = Map.copyOf(copy);
    }

    /** A known person without any status. */
    public static Persona of(Insz insz) {
        return new Persona(insz, Map.of(), Reply.ANSWER);
    }

    /** This persona with one more period of {@code status}. */
    public Persona with(String status, StatusPeriod period) {
        Map<String, List<StatusPeriod>> next = new LinkedHashMap<>(statuses);
        List<StatusPeriod> periods = new ArrayList<>(next.getOrDefault(status, List.of()));
        periods.add(period);
        next.put(status, periods);
        return new Persona(insz, next, reply);
    }

    /** This persona, replied about as {@code kind}. */
    public Persona replying(Reply kind) {
        return new Persona(insz, statuses, kind);
    }

    /** This persona with each of {@code statuses} holding over {@code period}. */
    public Persona with(StatusPeriod period, String... statusNames) {
        Persona p = this;
        for (String s : statusNames) p = p.with(s, period);
        return p;
    }

    public boolean holds(String status, LocalDate date) {
        return statuses.getOrDefault(status, List.of()).stream().anyMatch(p -> p.covers(date));
    }

    /** The periods of {@code status} sharing a day with {@code [from, until]}. */
    public List<StatusPeriod> periodsOverlapping(String status, LocalDate from, LocalDate until) {
        return statuses.getOrDefault(status, List.of()).stream().filter(p -> p.overlaps(from, until)).toList();
    }

    @Override
    public String toString() {
        return "Persona[" + insz.masked() + ", statuses=" + statuses.keySet() + (reply == Reply.ANSWER ? "" : ", reply=" + reply) + "]";
    }
}
