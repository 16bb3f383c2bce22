package be.proactief.core.subject;

import be.proactief.core.insz.Insz;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectKeysTest {

    private final SubjectKeys keys = SubjectKeys.forDevelopment("a development key of enough length!".getBytes(StandardCharsets.UTF_8),
            List.of("waste-bags", "school-discount"));
    private final Insz insz = Insz.parse("85073003328");

    @Test
    void the_same_person_and_scheme_give_the_same_key() {
        assertThat(keys.person("waste-bags", insz)).isEqualTo(keys.person("waste-bags", Insz.parse("85.07.30-033.28")));
    }

    @Test
    void different_schemes_give_unlinkable_keys() {
        assertThat(keys.person("waste-bags", insz)).isNotEqualTo(keys.person("school-discount", insz));
    }

    @Test
    void the_key_does_not_contain_the_number() {
        assertThat(keys.person("waste-bags", insz).value()).startsWith("s_").hasSize(66).doesNotContain("85073003328");
    }

    @Test
    void a_household_never_collides_with_a_person() {
        assertThat(keys.household("waste-bags", "85073003328").value()).startsWith("h_")
                .isNotEqualTo(keys.person("waste-bags", insz).value());
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> new SubjectKeys(java.util.Map.of("waste-bags", new byte[8])))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void a_scheme_without_secret_is_refused() {
        assertThatThrownBy(() -> keys.person("uitpas-kansentarief", insz)).hasMessageContaining("uitpas-kansentarief");
    }
}
