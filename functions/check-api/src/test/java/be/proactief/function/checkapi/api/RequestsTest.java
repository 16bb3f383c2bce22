package be.proactief.function.checkapi.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies hold the INSZ as sent: should one ever be printed, it prints masked. */
class RequestsTest {

    @Test
    void a_check_request_prints_its_insz_masked() {
        assertThat(new Requests.CheckRequest("85073003328", "uitpas-kansentarief", null).toString())
                .contains("850730", "uitpas-kansentarief").doesNotContain("85073003328", "03328");
    }

    @Test
    void an_override_request_prints_its_insz_masked_and_not_its_note() {
        assertThat(new Requests.OverrideRequest("85.07.30-033.28", "school-discount", "ENTITLED", "leefloon", "OTHER", "vrije tekst",
                null, "2026-12-31").toString()).doesNotContain("033", "vrije tekst");
    }

    @Test
    void a_subject_search_prints_its_insz_masked() {
        assertThat(new Requests.SubjectSearch("85073003328", null, "APPEAL").toString()).doesNotContain("85073003328");
    }

    @Test
    void an_insz_that_does_not_parse_prints_at_most_its_first_six_digits() {
        assertThat(new Requests.CheckRequest("850730033289", "85073003328", null).toString()).doesNotContain("033289", "3003328");
    }

    @Test
    void a_revocation_prints_no_reason() {
        assertThat(new Requests.RevokeRequest("bedoeld was iemand anders").toString()).doesNotContain("iemand");
    }
}
