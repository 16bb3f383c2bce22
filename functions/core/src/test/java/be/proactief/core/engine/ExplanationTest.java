package be.proactief.core.engine;

import be.proactief.core.insz.Insz;
import be.proactief.core.testing.CoreFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationTest {

    private final CoreFixture f = new CoreFixture();
    private final Insz resident = Insz.of(70, 65, 12, 101, false);

    @Test
    void an_automatic_yes_names_the_ground_and_the_last_day() {
        f.platform.with(resident, "BIM_BVT");
        DecisionResult r = f.engine.decide(DecisionRequest.onDate(resident, "uitpas-kansentarief", LocalDate.of(2026, 11, 28), "desk"));
        assertThat(Explanation.of(r).nl()).isEqualTo(
                "Recht op Kansentarief via automatische controle (verhoogde tegemoetkoming of leefloon); geldig tot 31/12/2026.");
        assertThat(Explanation.of(r).en()).startsWith("Entitled to UiTPAS reduced rate (Kansentarief) through the automatic check");
    }

    @Test
    void unknown_says_it_is_not_a_refusal() {
        f.platform.down(true);
        DecisionResult r = f.engine.decide(DecisionRequest.onDate(resident, "uitpas-kansentarief", null, "desk"));
        assertThat(Explanation.of(r).nl()).contains("geen weigering").contains("30 seconden");
    }
}
