package be.proactief.aws.audit;

import be.proactief.core.audit.AuditEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogAuditLogTest {

    @Test
    void an_audit_event_is_one_json_line_without_empty_fields() {
        AuditEvent e = new AuditEvent(Instant.parse("2026-11-28T10:00:00Z"), "CHECK", "desk-app", "uitpas-kansentarief", 1,
                "until-2026-12-31", "ENTITLED", "social-status", "PLATFORM", "ref-\"1\"", "d-1", null, null);
        assertThat(JsonLogAuditLog.toJson(e)).isEqualTo("{\"audit\":\"CHECK\",\"at\":\"2026-11-28T10:00:00Z\",\"caller\":\"desk-app\","
                + "\"scheme\":\"uitpas-kansentarief\",\"schemeVersion\":1,\"period\":\"until-2026-12-31\",\"outcome\":\"ENTITLED\","
                + "\"tier\":\"social-status\",\"basis\":\"PLATFORM\",\"platformReference\":\"ref-\\\"1\\\"\",\"decisionId\":\"d-1\"}");
    }

    @Test
    void a_consultation_names_the_registration_it_went_under() {
        AuditEvent e = new AuditEvent(Instant.parse("2026-11-28T10:00:00Z"), "CHECK", "desk-app", "waste-bags", 1, "2026", "ENTITLED",
                "increased-allowance", "PLATFORM", "ref-1", "d-1", null, null,
                new be.proactief.core.platform.PlatformRegistration("gent.be/afvalpas", "1301"));
        assertThat(JsonLogAuditLog.toJson(e)).endsWith(",\"registration\":{\"identificatie\":\"gent.be/afvalpas\",\"hoedanigheid\":\"1301\"}}");
    }

    @Test
    void control_characters_are_escaped_so_a_line_stays_one_line() {
        assertThat(Json.object(java.util.Map.of("note", "a\nb\u0001"))).isEqualTo("{\"note\":\"a\\nb\\u0001\"}");
    }
}
