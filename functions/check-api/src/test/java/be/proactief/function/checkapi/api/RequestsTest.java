package be.proactief.function.checkapi.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies hold the INSZ as sent: should one ever be printed, it prints masked. */
class RequestsTest {

    @Test
    void a_check_request_prints_its_insz_masked() {
        assertThat(new Requests.CheckRequest("85073003328", "uitpas-kansentarief", null).toString())
                .contains("85.07.30-***.**", "uitpas-kansentarief").doesNotContain("85073003328");
    }

    @Test
    void an_override_request_prints_its_insz_masked_and_not_its_note() {
        assertThat(new Requests.OverrideRequest("85.07.30-033.28", "school-discount", "ENTITLED", "leefloon", "OTHER", "vrije tekst",
                null, "2026-12-31").toString()).contains("85.07.30-***.**").doesNotContain("033.28", "vrije tekst");
    }

    @Test
    void a_subject_search_prints_its_insz_masked() {
        assertThat(new Requests.SubjectSearch("85073003328", null).toString()).doesNotContain("85073003328");
    }
}
