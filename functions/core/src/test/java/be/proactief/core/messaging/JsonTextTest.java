package be.proactief.core.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    private static String quoted(String s) {
        return JsonText.quote(new StringBuilder(), s).toString();
    }

    @Test
    void plainTextIsOnlyQuoted() {
        assertThat(quoted("Beste bewoner, €84")).isEqualTo("\"Beste bewoner, €84\"");
    }

    @Test
    void quotesBackslashesAndLineBreaksAreEscaped() {
        assertThat(quoted("a \"b\" \\ c\nd\re\tf")).isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\\re\\tf\"");
    }

    @Test
    void otherControlCharactersBecomeUnicodeEscapes() {
        assertThat(quoted("x\u0001\u001f")).isEqualTo("\"x\\u0001\\u001f\"");
    }
}
