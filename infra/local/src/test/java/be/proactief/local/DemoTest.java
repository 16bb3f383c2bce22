package be.proactief.local;

import be.proactief.testkit.city.SyntheticCity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo at 100 households: every number of its report, which comes from what the functions
 * put on their output queues, against the synthetic city's known truth.
 */
class DemoTest {

    static final int HOUSEHOLDS = 100;
    static final long SEED = 7;
    static DemoReport report;
    static SyntheticCity city;
    static String printed;

    @BeforeAll
    static void runDemo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report = new Demo(HOUSEHOLDS, SEED, new PrintStream(out, true, StandardCharsets.UTF_8), LocalKeystore.choose("demo", null, java.util.Map.of())).run();
        printed = report.render();
        city = SyntheticCity.generate(HOUSEHOLDS, SEED);
    }

    @Test
    void every_invoice_comes_back_discounted_exactly_once() {
        assertThat(report.invoicesOut()).isEqualTo(report.invoicesSent()).isGreaterThan(0);
        assertThat(report.invoicesByTier().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(report.invoicesSent());
    }

    @Test
    void each_child_gets_the_tier_the_city_truth_and_the_overrides_give() {
        assertThat(report.childrenByTier()).isEqualTo(report.expectedChildrenByTier());
        assertThat(report.children()).isEqualTo(city.children().size());
    }

    @Test
    void every_entitled_household_gets_one_voucher_or_credit_of_the_right_amount() {
        List<SyntheticCity.Household> entitled = city.expectedHouseholdsWith("BIM_BVT_IN_FAMILY");
        long bags = entitled.stream().filter(h -> h.zone().equals(SyntheticCity.ZONE_BAGS)).count();
        long[] amounts = {4200, 6300, 8400, 10500, 12600};
        long cents = entitled.stream().mapToLong(h -> amounts[Math.min(h.size(), 5) - 1]).sum();
        assertThat(report.bagVouchers()).isEqualTo(bags);
        assertThat(report.containerCredits()).isEqualTo(entitled.size() - bags);
        assertThat(report.voucherCentsTotal()).isEqualTo(cents);
    }

    @Test
    void desk_checks_match_the_residents_statuses() {
        List<SyntheticCity.Resident> residents = city.residents();
        int sample = Math.min(50, residents.size());
        long entitled = 0;
        for (int i = 0; i < sample; i++) {
            SyntheticCity.Resident r = residents.get((int) ((long) i * residents.size() / sample));
            if (r.statuses().stream().anyMatch(Set.of("LIVING_WAGES_PCSA_HELP", "PCSA_AND_BIM_HELP", "BIM_BVT")::contains)) entitled++;
        }
        assertThat(report.checksByOutcome().getOrDefault("ENTITLED", 0L)).isEqualTo(entitled);
        assertThat(report.checksByOutcome().getOrDefault("NOT_ENTITLED", 0L)).isEqualTo(sample - entitled);
    }

    @Test
    void nothing_is_unknown_and_nothing_dead_lettered() {
        assertThat(report.unknowns()).isZero();
        assertThat(report.deadLetters()).isZero();
    }

    @Test
    void the_platform_is_asked_once_per_child_once_per_decided_member_and_once_per_check() {
        long school = city.children().size() - report.overrides();
        long wasteBags = city.households().stream().mapToLong(h -> h.anyMemberHas("BIM_BVT_IN_FAMILY") ? 1 : h.size()).sum();
        long expected = school + wasteBags + Math.min(50, city.residents().size());
        // Concurrent instances (MaximumConcurrency, as on AWS; three here, each with ten records at once) may each ask for
        // the same child when its invoices reach two instances at the same moment; the store keeps one decision. Within one
        // instance they share one call (single flight). Never fewer.
        assertThat(report.platformCalls()).isBetween(expected, expected + city.children().size() / 5);
    }

    @Test
    void the_report_states_what_a_city_asks() {
        assertThat(printed).contains("school-discount", "waste-bags", "uitpas-kansentarief", "UNKNOWN answers", "DLQ messages",
                "platform calls", "wall time", "EUR");
    }
}
