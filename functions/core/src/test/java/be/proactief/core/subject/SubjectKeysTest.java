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

    /**
     * Known answers, computed with the implementation before MACs were cached: a change of the
     * derivation would orphan every stored decision, override and voucher, so it must not change.
     */
    @Test
    void keysAndHashesStayTheSameAcrossReleases() {
        SubjectKeys dev = SubjectKeys.forDevelopment("known-answer-development-key-0123456789".getBytes(StandardCharsets.UTF_8),
                List.of("uitpas-kansentarief", "waste-bags"));
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) secret[i] = (byte) i;
        SubjectKeys configured = new SubjectKeys(java.util.Map.of("uitpas-kansentarief", secret));

        assertThat(dev.person("uitpas-kansentarief", Insz.parse("00610100108")).value())
                .isEqualTo("s_c8a802914e819dd5ad9823bc5a5a097b3fbb899a02eb9ed12c1d0ae1164058cd");
        assertThat(dev.household("waste-bags", "household-42").value())
                .isEqualTo("h_a4cc0cf5286ffdf1d1aa6966e03c7edbbb0a0aecccf79deac739912901ba816e");
        assertThat(java.util.HexFormat.of().formatHex(dev.keyedHash("waste-bags", "voucher:2026:household-42")))
                .isEqualTo("6f3f5e56b97f67fa229dc4037175d8dad4b6a5b3cba23aad912531237c397e66");
        assertThat(configured.person("uitpas-kansentarief", Insz.parse("00610100108")).value())
                .isEqualTo("s_0022a3b2b66f6958cc4ea30c3ac23b9976741e0a75e62d35a4dbe6cd9a6357c6");
    }

    @Test
    void manyThreadsAtOnceGetTheKeysOneThreadGets() throws Exception {
        SubjectKeys keys = SubjectKeys.forDevelopment("concurrency-development-key-0123456789".getBytes(StandardCharsets.UTF_8),
                List.of("uitpas-kansentarief"));
        List<Insz> residents = List.of(Insz.parse("00610100108"), Insz.parse("85673090165"), Insz.parse("72631490348"));
        List<String> expected = residents.stream().map(r -> keys.person("uitpas-kansentarief", r).value()).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int r = i % residents.size();
                        if (!keys.person("uitpas-kansentarief", residents.get(r)).value().equals(expected.get(r))) return false;
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) assertThat(result.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
