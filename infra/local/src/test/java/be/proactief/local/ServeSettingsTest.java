package be.proactief.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An attached invoke or trigger decides under the serve's subject keys, or not at all. */
class ServeSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty("proactief.subject.keys");
    }

    @Test
    void other_keys_here_than_the_serve_uses_are_refused_saying_what_to_do() {
        System.setProperty("proactief.subject.keys", "{\"waste-bags\":\"bXkta2V5\"}");

        assertThatThrownBy(() -> LocalRun.ServeSettings.refuseOtherKeys(Map.of("proactief.subject.keys", "{\"waste-bags\":\"b3RoZXI=\"}")))
                .hasMessageContaining("other subject keys").hasMessageNotContaining("bXkta2V5");
        assertThatThrownBy(() -> LocalRun.ServeSettings.refuseOtherKeys(Map.of()))
                .as("the serve runs on the development key").hasMessageContaining("unset it");
    }

    @Test
    void the_same_keys_or_none_here_attach() {
        assertThatCode(() -> LocalRun.ServeSettings.refuseOtherKeys(Map.of("proactief.subject.keys", "x"))).doesNotThrowAnyException();
        System.setProperty("proactief.subject.keys", "x");
        assertThatCode(() -> LocalRun.ServeSettings.refuseOtherKeys(Map.of("proactief.subject.keys", "x"))).doesNotThrowAnyException();
    }
}
