package be.proactief.testkit.city;

import be.proactief.core.insz.Insz;
import be.proactief.testkit.city.SyntheticCity.Household;
import be.proactief.testkit.city.SyntheticCity.Resident;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static be.proactief.testkit.magda.StatusNames.BIM_BVT;
import static be.proactief.testkit.magda.StatusNames.BIM_BVT_IN_FAMILY;
import static be.proactief.testkit.magda.StatusNames.LIVING_WAGES_PCSA_HELP;
import static be.proactief.testkit.magda.StatusNames.PCSA_AND_BIM_HELP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SyntheticCityTest {

    private static final SyntheticCity CITY = SyntheticCity.generate(5000, 42L);

    private static double share(List<?> part, List<?> whole) {
        return (double) part.size() / whole.size();
    }

    @Test
    void theSameSeedGivesTheSameCity() {
        assertThat(SyntheticCity.generate(500, 7L).toJsonLines()).isEqualTo(SyntheticCity.generate(500, 7L).toJsonLines());
        assertThat(SyntheticCity.generate(500, 7L).residents()).isEqualTo(SyntheticCity.generate(500, 7L).residents());
    }

    @Test
    void anotherSeedGivesAnotherCity() {
        assertThat(SyntheticCity.generate(500, 7L).toJsonLines()).isNotEqualTo(SyntheticCity.generate(500, 8L).toJsonLines());
    }

    @Test
    void everyResidentHasAValidUniqueMagdaTestNumber() {
        List<Resident> residents = CITY.residents();
        Set<String> digits = new HashSet<>();
        for (Resident r : residents) {
            assertThat(Insz.isValid(r.insz().digits())).isTrue();
            assertThat(r.insz().kind()).isEqualTo(Insz.Kind.MAGDA_TEST_NUMBER);
            digits.add(r.insz().digits());
        }
        assertThat(digits).hasSize(residents.size());
        Personas.all().forEach(p -> assertThat(digits).doesNotContain(p.insz().digits()));
    }

    @Test
    void householdSizesRunFromOneToSixAroundTheFlemishAverage() {
        assertThat(CITY.households()).allSatisfy(h -> assertThat(h.size()).isBetween(1, 6));
        double mean = CITY.households().stream().mapToInt(Household::size).average().orElseThrow();
        assertThat(mean).isCloseTo(2.3, within(0.2));
        assertThat(share(CITY.households().stream().filter(h -> h.size() == 1).toList(), CITY.households()))
                .isCloseTo(0.36, within(0.04));
    }

    @Test
    void aboutThirtyPercentOfHouseholdsHaveChildren() {
        assertThat(share(CITY.householdsWithChildren(), CITY.households())).isCloseTo(0.30, within(0.04));
        assertThat(CITY.householdsWithChildren()).allSatisfy(h -> assertThat(h.members().get(0).child()).isFalse());
    }

    @Test
    void aboutOneHouseholdInFiveHasTheIncreasedAllowanceAndThenEveryMemberHasItInFamily() {
        List<Household> withAllowance = CITY.expectedHouseholdsWith(BIM_BVT);

        assertThat(share(withAllowance, CITY.households())).isCloseTo(0.20, within(0.03));
        assertThat(CITY.expectedHouseholdsWith(BIM_BVT_IN_FAMILY)).isEqualTo(withAllowance);
        assertThat(withAllowance).allSatisfy(h -> assertThat(h.members()).allMatch(r -> r.has(BIM_BVT_IN_FAMILY)));
        assertThat(CITY.households()).filteredOn(h -> !h.anyMemberHas(BIM_BVT))
                .allSatisfy(h -> assertThat(h.members()).noneMatch(r -> r.has(BIM_BVT_IN_FAMILY)));
    }

    @Test
    void aboutFourPercentLiveOnLeefloonWithTheStatusesThatGoWithIt() {
        List<Household> leefloon = CITY.expectedHouseholdsWith(LIVING_WAGES_PCSA_HELP);

        assertThat(share(leefloon, CITY.households())).isCloseTo(0.04, within(0.015));
        assertThat(leefloon).allSatisfy(h -> {
            Resident holder = h.members().get(0);
            assertThat(holder.statuses()).contains(LIVING_WAGES_PCSA_HELP, PCSA_AND_BIM_HELP, BIM_BVT, BIM_BVT_IN_FAMILY);
        });
        assertThat(CITY.expectedResidentsWith(PCSA_AND_BIM_HELP)).allMatch(r -> r.has(LIVING_WAGES_PCSA_HELP) && !r.child());
    }

    @Test
    void zonesAndWastePassesAreSet() {
        assertThat(share(CITY.households().stream().filter(h -> h.zone().equals(SyntheticCity.ZONE_CONTAINERS)).toList(),
                CITY.households())).isCloseTo(0.30, within(0.04));
        assertThat(CITY.households()).allSatisfy(h -> assertThat(h.zone()).isIn(SyntheticCity.ZONE_BAGS, SyntheticCity.ZONE_CONTAINERS));
        assertThat(CITY.households().stream().map(Household::wastePassId).distinct().count()).isEqualTo(CITY.households().size());
        assertThat(CITY.households().stream().map(Household::householdId).distinct().count()).isEqualTo(CITY.households().size());
    }

    @Test
    void theRosterIsOneJsonObjectPerHousehold(@TempDir Path dir) throws Exception {
        SyntheticCity city = SyntheticCity.generate(50, 3L);
        Path file = city.writeJsonLines(dir.resolve("roster/households.jsonl"));

        List<String> lines = Files.readAllLines(file);

        assertThat(lines).hasSize(50);
        Pattern shape = Pattern.compile("\\{\"householdId\":\"HH-\\d{6}\",\"members\":\\[\\{\"insz\":\"\\d{11}\"}(,\\{\"insz\":\"\\d{11}\"})*],"
                + "\"size\":[1-6],\"zone\":\"(BAGS|CONTAINERS)\",\"wastePassId\":\"AFP-\\d{8}\"}");
        assertThat(lines).allMatch(l -> shape.matcher(l).matches());
        Household first = city.households().get(0);
        assertThat(lines.get(0)).contains("\"householdId\":\"" + first.householdId() + "\"", "\"size\":" + first.size(),
                "\"insz\":\"" + first.members().get(0).insz().digits() + "\"");
    }

    @Test
    void thePersonasCarryTheResidentsStatusesForAllOf2020To2030() {
        SyntheticCity city = SyntheticCity.generate(200, 11L);
        List<Persona> personas = city.personas();

        assertThat(personas).hasSameSizeAs(city.residents());
        for (int i = 0; i < personas.size(); i++) {
            Resident r = city.residents().get(i);
            Persona p = personas.get(i);
            assertThat(p.insz()).isEqualTo(r.insz());
            assertThat(p.statuses().keySet()).isEqualTo(r.statuses());
            for (String s : r.statuses()) {
                assertThat(p.holds(s, LocalDate.of(2020, 1, 1))).isTrue();
                assertThat(p.holds(s, LocalDate.of(2030, 12, 31))).isTrue();
                assertThat(p.holds(s, LocalDate.of(2031, 1, 1))).isFalse();
            }
        }
    }

    @Test
    void registeringWithTheSimulatorMakesEveryResidentKnown() {
        SyntheticCity city = SyntheticCity.generate(100, 5L);
        try (MagdaSimulator simulator = new MagdaSimulator()) {
            city.registerWith(simulator);

            assertThat(simulator.personaCount()).isEqualTo(city.residents().size());
            assertThat(city.residents()).allMatch(r -> simulator.persona(r.insz()).isPresent());
        }
    }

    @Test
    void residentsShowTheirInszMasked() {
        Resident r = CITY.residents().get(0);

        assertThat(r.toString()).doesNotContain(r.insz().digits()).contains(r.insz().masked());
    }
}
