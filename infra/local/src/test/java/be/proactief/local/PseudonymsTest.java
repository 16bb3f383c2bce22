package be.proactief.local;

import be.proactief.core.insz.Insz;
import be.proactief.core.subject.SubjectKey;
import be.proactief.core.subject.SubjectKeys;
import be.proactief.testkit.magda.Personas;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Who looked me up?": a resident's pseudonyms, from her number on standard input, are what her audit lines carry. */
class PseudonymsTest {

    static final String K1 = Base64.getEncoder().encodeToString("first-subject-key-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8));
    static final String K2 = Base64.getEncoder().encodeToString("second-subject-key-secret-of-32-bytes".getBytes(StandardCharsets.UTF_8));
    static final String RINGS = "{\"waste-bags\":{\"current\":\"k2\",\"keys\":{\"k1\":\"" + K1 + "\",\"k2\":\"" + K2 + "\"}},\"school-discount\":\"" + K1
            + "\",\"uitpas-kansentarief\":\"" + K2 + "\"}";

    @Test
    void the_number_on_standard_input_gives_one_pseudonym_per_scheme_and_key_and_the_query_that_finds_them() {
        Insz resident = Personas.leefloon().insz();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = Main.pseudonyms(List.of(), new BufferedReader(new StringReader(resident.digits() + "\n")), Map.of("PROACTIEF_SUBJECT_KEYS", RINGS),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        SubjectKey wasteBags = SubjectKeys.ofRings(Map.of("waste-bags", new SubjectKeys.KeyRing("k2",
                Map.of("k1", Base64.getDecoder().decode(K1), "k2", Base64.getDecoder().decode(K2))))).person("waste-bags", resident);
        assertThat(out).contains("SUBJECT waste-bags k2 " + wasteBags.value(), "SUBJECT waste-bags k1 " + wasteBags.older().get(0).value(),
                "SUBJECT school-discount k1 s_", "SUBJECT uitpas-kansentarief k1 s_", "filter subject in [\"" + wasteBags.value() + "\"");
        assertThat(out).doesNotContain(resident.digits());
    }

    @Test
    void without_the_keys_or_with_a_wrong_number_it_says_so_and_never_echoes_the_number() {
        assertThatThrownBy(() -> Main.pseudonyms(List.of(), new BufferedReader(new StringReader("85073003328\n")), Map.of(), System.out))
                .hasMessageContaining("PROACTIEF_SUBJECT_KEYS is not set");
        assertThatThrownBy(() -> Main.pseudonyms(List.of(), new BufferedReader(new StringReader("85073003329\n")), Map.of("PROACTIEF_SUBJECT_KEYS", RINGS),
                System.out)).isInstanceOf(Options.UsageException.class).hasMessageNotContaining("85073003329");
    }
}
