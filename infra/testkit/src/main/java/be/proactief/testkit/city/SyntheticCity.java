package be.proactief.testkit.city;

import be.proactief.core.insz.Insz;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.StatusPeriod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import static be.proactief.testkit.magda.StatusNames.BIM_BVT;
import static be.proactief.testkit.magda.StatusNames.BIM_BVT_IN_FAMILY;
import static be.proactief.testkit.magda.StatusNames.LIVING_WAGES_PCSA_HELP;
import static be.proactief.testkit.magda.StatusNames.PCSA_AND_BIM_HELP;

/**
 * A deterministic synthetic Flemish city: households of residents with MAGDA test numbers
 * (INSZ with birth month + 60, i.e. month 61–72) and the social statuses each resident holds, so
 * that tests and the local demo know the truth the platform simulator will answer.
 *
 * <p>Shares, roughly those of a large Flemish city such as Ghent (each household drawn independently):
 * <ul>
 *   <li>household size 1–6 persons: 36 % / 30 % / 14 % / 12 % / 5 % / 3 % (mean ≈ 2.3);</li>
 *   <li>children (born 2008–2024) in about 30 % of households: none in single-person households,
 *       10 % of two-person households (a single parent), 70 % of three-person, 85 % of four-person and
 *       90 % of larger households; such a household has one or two adults, the rest are children;</li>
 *   <li>about 20 % of households have someone with the increased allowance (verhoogde tegemoetkoming):
 *       the first adult has {@code BIM_BVT}, every other adult has it with probability ½, children do not;
 *       every member of such a household has {@code BIM_BVT_IN_FAMILY};</li>
 *   <li>about 4 % of households (part of the 20 % above) live on leefloon (living wage): the first adult
 *       has {@code LIVING_WAGES_PCSA_HELP}, {@code PCSA_AND_BIM_HELP} and {@code BIM_BVT}; the children,
 *       as dependants covered by the family rate, have {@code LIVING_WAGES_PCSA_HELP} too;</li>
 *   <li>waste zone: 70 % {@code BAGS} (bag collection), 30 % {@code CONTAINERS} (underground containers
 *       opened with the afvalpas, the household's waste pass); every household has a waste pass id.</li>
 * </ul>
 * Statuses hold over all of {@value #FIRST_YEAR}–{@value #LAST_YEAR}. The same households and seed always give
 * the same city. INSZ serials stay below 900 (900–999 are kept for {@link be.proactief.testkit.magda.Personas}).
 */
public final class SyntheticCity {

    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2030;
    public static final String ZONE_BAGS = "BAGS";
    public static final String ZONE_CONTAINERS = "CONTAINERS";

    private static final int[] SIZE_PERCENT = {36, 30, 14, 12, 5, 3};
    private static final double[] CHILDREN_CHANCE_BY_SIZE = {0.0, 0.10, 0.70, 0.85, 0.90, 0.90};
    private static final double LEEFLOON_SHARE = 0.04;
    private static final double INCREASED_ALLOWANCE_SHARE = 0.20;
    private static final double CONTAINER_ZONE_SHARE = 0.30;
    private static final int MAX_SERIAL = 899;

    /** A resident; {@link #toString()} masks the INSZ. */
    public record Resident(Insz insz, boolean child, Set<String> statuses) {
        public Resident {
            Objects.requireNonNull(insz, "insz");
            statuses = Collections.unmodifiableSet(new LinkedHashSet<>(statuses));
        }

        public boolean has(String status) {
            return statuses.contains(status);
        }

        @Override
        public String toString() {
            return "Resident[" + insz.masked() + (child ? ", child" : "") + ", statuses=" + statuses + "]";
        }
    }

    /**
     * A household at one address.
     *
     * @param zone        {@link #ZONE_BAGS} or {@link #ZONE_CONTAINERS}
     * @param wastePassId the afvalpas (waste pass) of the household
     */
    public record Household(String householdId, List<Resident> members, String zone, String wastePassId) {
        public Household {
            members = List.copyOf(members);
        }

        public int size() {
            return members.size();
        }

        public boolean hasChildren() {
            return members.stream().anyMatch(Resident::child);
        }

        public List<Resident> children() {
            return members.stream().filter(Resident::child).toList();
        }

        public boolean anyMemberHas(String status) {
            return members.stream().anyMatch(r -> r.has(status));
        }
    }

    private final List<Household> households;

    private SyntheticCity(List<Household> households) {
        this.households = List.copyOf(households);
    }

    /** A city of {@code households} households; the same arguments always give the same city. */
    public static SyntheticCity generate(int households, long seed) {
        if (households < 0) throw new IllegalArgumentException("households must not be negative");
        return new Generator(seed).city(households);
    }

    public List<Household> households() {
        return households;
    }

    /** Every resident, household by household. */
    public List<Resident> residents() {
        return households.stream().flatMap(h -> h.members().stream()).toList();
    }

    public List<Resident> children() {
        return residents().stream().filter(Resident::child).toList();
    }

    /** One persona per resident (including those without status), statuses holding over 2020–2030. */
    public List<Persona> personas() {
        StatusPeriod years = StatusPeriod.years(FIRST_YEAR, LAST_YEAR);
        return residents().stream()
                .map(r -> Persona.of(r.insz()).with(years, r.statuses().toArray(String[]::new)))
                .toList();
    }

    /** Registers every resident with the simulator; returns it for chaining. */
    public MagdaSimulator registerWith(MagdaSimulator simulator) {
        return simulator.registerAll(personas());
    }

    /** The truth: households in which at least one member has {@code status}. */
    public List<Household> expectedHouseholdsWith(String status) {
        return households.stream().filter(h -> h.anyMemberHas(status)).toList();
    }

    /** The truth: residents who have {@code status}. */
    public List<Resident> expectedResidentsWith(String status) {
        return residents().stream().filter(r -> r.has(status)).toList();
    }

    /** The truth: children who have {@code status}. */
    public List<Resident> expectedChildrenWith(String status) {
        return children().stream().filter(r -> r.has(status)).toList();
    }

    /** Households with at least one child. */
    public List<Household> householdsWithChildren() {
        return households.stream().filter(Household::hasChildren).toList();
    }

    /**
     * The household roster, one JSON object per line:
     * {@code {"householdId":"HH-000001","members":[{"insz":"…"}],"size":1,"zone":"BAGS","wastePassId":"AFP-…"}}.
     */
    public String toJsonLines() {
        StringBuilder out = new StringBuilder(households.size() * 120);
        for (Household h : households) {
            out.append("{\"householdId\":\"").append(h.householdId()).append("\",\"members\":[");
            for (int i = 0; i < h.members().size(); i++) {
                if (i > 0) out.append(',');
                out.append("{\"insz\":\"").append(h.members().get(i).insz().digits()).append("\"}");
            }
            out.append("],\"size\":").append(h.size())
                    .append(",\"zone\":\"").append(h.zone())
                    .append("\",\"wastePassId\":\"").append(h.wastePassId()).append("\"}\n");
        }
        return out.toString();
    }

    /** Writes {@link #toJsonLines()} to {@code file} (UTF-8), creating parent directories. */
    public Path writeJsonLines(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        return Files.writeString(file, toJsonLines(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SyntheticCity[" + households.size() + " households, " + residents().size() + " residents]";
    }

    /** Draws households from one seeded random source, in a fixed order. */
    private static final class Generator {
        private final Random random;
        private final Set<String> usedInsz = new HashSet<>();
        private final long passOffset;

        Generator(long seed) {
            this.random = new Random(seed);
            this.passOffset = Math.floorMod(seed * 31 + 17, 100_000_000L);
        }

        SyntheticCity city(int count) {
            List<Household> result = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) result.add(household(i));
            return new SyntheticCity(result);
        }

        private Household household(int index) {
            int size = size();
            boolean withChildren = random.nextDouble() < CHILDREN_CHANCE_BY_SIZE[size - 1];
            int adults = !withChildren ? size : size == 2 ? 1 : (random.nextDouble() < 0.2 ? 1 : 2);
            double roll = random.nextDouble();
            boolean leefloon = roll < LEEFLOON_SHARE;
            boolean increasedAllowance = roll < INCREASED_ALLOWANCE_SHARE;
            List<Resident> members = new ArrayList<>(size);
            for (int m = 0; m < size; m++) {
                boolean child = m >= adults;
                Set<String> statuses = new LinkedHashSet<>();
                if (increasedAllowance) {
                    statuses.add(BIM_BVT_IN_FAMILY);
                    if (m == 0 || (!child && random.nextBoolean())) statuses.add(BIM_BVT);
                }
                if (leefloon && m == 0) {
                    statuses.add(LIVING_WAGES_PCSA_HELP);
                    statuses.add(PCSA_AND_BIM_HELP);
                }
                if (leefloon && child) statuses.add(LIVING_WAGES_PCSA_HELP);
                members.add(new Resident(insz(child, withChildren), child, statuses));
            }
            String zone = random.nextDouble() < CONTAINER_ZONE_SHARE ? ZONE_CONTAINERS : ZONE_BAGS;
            // 7919 is prime, so index -> pass number is one-to-one modulo 10^8.
            long pass = Math.floorMod(passOffset + 7919L * index, 100_000_000L);
            return new Household(String.format("HH-%06d", index), members, zone, String.format("AFP-%08d", pass));
        }

        private int size() {
            int roll = random.nextInt(100);
            int cumulative = 0;
            for (int s = 0; s < SIZE_PERCENT.length; s++) {
                cumulative += SIZE_PERCENT[s];
                if (roll < cumulative) return s + 1;
            }
            return SIZE_PERCENT.length;
        }

        /** A fresh test number: children born 2008–2024, parents 1970–1997, other adults 1940–2004. */
        private Insz insz(boolean child, boolean parent) {
            while (true) {
                int year = child ? 2008 + random.nextInt(17) : parent ? 1970 + random.nextInt(28) : 1940 + random.nextInt(65);
                int month = 1 + random.nextInt(12);
                int day = 1 + random.nextInt(28);
                int serial = 1 + random.nextInt(MAX_SERIAL);
                Insz insz = Insz.of(year % 100, month + 60, day, serial, year >= 2000);
                if (usedInsz.add(insz.digits())) return insz;
            }
        }
    }
}
