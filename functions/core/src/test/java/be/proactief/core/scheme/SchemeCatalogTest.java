package be.proactief.core.scheme;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemeCatalogTest {

    private static final String VALID = """
            id: test-scheme
            version: 1
            name: {nl: test, en: test}
            period: {kind: MONTH}
            retention: P1Y
            tiers:
              - id: only
                statuses: [BIM_BVT]
                ground: {nl: grond, en: ground}
                benefit:
                  kind: DISCOUNT
                  description: {nl: korting, en: discount}
                  discountPercent: 50
                  appliesTo: [OPVANG]
            """;

    @Test
    void the_shipped_schemes_load_with_the_design_defaults() {
        SchemeCatalog catalog = SchemeCatalog.loadDefaults(k -> null);
        assertThat(catalog.ids()).containsExactlyInAnyOrder("waste-bags", "school-discount", "uitpas-kansentarief");

        SchemeVersion school = catalog.current("school-discount").orElseThrow();
        assertThat(school.tiers()).extracting(Tier::id).containsExactly("leefloon", "increased-allowance", "social-rate");
        assertThat(school.tiers()).extracting(t -> t.benefit().discountPercent()).containsExactly(100, 50, 25);
        assertThat(school.tiers().get(0).statuses()).containsExactly("LIVING_WAGES_PCSA_HELP");
        assertThat(school.tiers().get(1).statuses()).containsExactly("BIM_BVT_IN_FAMILY");

        SchemeVersion waste = catalog.current("waste-bags").orElseThrow();
        assertThat(waste.period().kind()).isEqualTo(PeriodKind.CALENDAR_YEAR);
        assertThat(waste.tiers().get(0).benefit().amountCentsForHouseholdSize(1)).isEqualTo(4200);
        assertThat(waste.tiers().get(0).benefit().amountCentsForHouseholdSize(5)).isEqualTo(12600);
        assertThat(waste.tiers().get(0).benefit().amountCentsForHouseholdSize(9)).isEqualTo(12600);

        SchemeVersion uitpas = catalog.current("uitpas-kansentarief").orElseThrow();
        assertThat(uitpas.tiers().get(0).statuses()).containsExactly("LIVING_WAGES_PCSA_HELP", "PCSA_AND_BIM_HELP", "BIM_BVT");
        assertThat(uitpas.tiers().get(0).benefit().passPriceCents()).isEqualTo(100);
    }

    @Test
    void the_city_chooses_the_third_school_status_by_configuration() {
        SchemeCatalog catalog = SchemeCatalog.loadDefaults(Map.of("PROACTIEF_SCHOOL_DISCOUNT_TIER3_STATUS", "GENT_SOCIAL_RATE")::get);
        assertThat(catalog.current("school-discount").orElseThrow().tiers().get(2).statuses()).containsExactly("GENT_SOCIAL_RATE");
    }

    @Test
    void the_uitpas_period_runs_until_the_configured_end_date() {
        SchemeVersion uitpas = SchemeCatalog.loadDefaults(k -> null).current("uitpas-kansentarief").orElseThrow();
        Period p = uitpas.periodContaining(LocalDate.of(2026, 11, 28));
        assertThat(p.from()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(p.until()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(p.id()).isEqualTo("until-2026-12-31");
        assertThat(p.statusDate()).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void a_missing_field_names_the_file_and_the_field() {
        assertThatThrownBy(() -> SchemeCatalog.parse("broken.yaml", VALID.replace("retention: P1Y\n", ""), k -> null))
                .isInstanceOf(SchemeFileException.class)
                .hasMessage("broken.yaml: field 'retention' is missing");
    }

    @Test
    void a_bad_status_name_names_the_tier_and_index() {
        assertThatThrownBy(() -> SchemeCatalog.parse("broken.yaml", VALID.replace("[BIM_BVT]", "[BIM_BVT, bim bvt]"), k -> null))
                .hasMessageStartingWith("broken.yaml: field 'tiers[0].statuses[1]' must be a MAGDA status name");
    }

    @Test
    void more_than_eight_statuses_in_a_tier_are_refused() {
        String nine = "[A1, A2, A3, A4, A5, A6, A7, A8, A9]";
        assertThatThrownBy(() -> SchemeCatalog.parse("broken.yaml", VALID.replace("[BIM_BVT]", nine), k -> null))
                .hasMessageContaining("field 'tiers[0].statuses' has 9 names; the platform takes at most 8");
    }

    @Test
    void a_percentage_above_100_is_refused() {
        assertThatThrownBy(() -> SchemeCatalog.parse("broken.yaml", VALID.replace("discountPercent: 50", "discountPercent: 150"), k -> null))
                .hasMessageContaining("field 'tiers[0].benefit.discountPercent' must be a whole number from 0 to 100");
    }

    @Test
    void an_unknown_period_kind_lists_the_known_ones() {
        assertThatThrownBy(() -> SchemeCatalog.parse("broken.yaml", VALID.replace("kind: MONTH", "kind: WEEK"), k -> null))
                .hasMessageContaining("field 'period.kind' must be one of [CALENDAR_YEAR, MONTH, SCHOOL_YEAR, UNTIL_DATE], got 'WEEK'");
    }

    @Test
    void a_scheme_file_may_name_its_own_magda_registration_and_nothing_else_under_magda() {
        SchemeVersion own = SchemeCatalog.parse("own.yaml", VALID.replace("retention: P1Y\n",
                "retention: P1Y\nmagda: {identificatie: \"gent.be/afvalpas\", hoedanigheid: \"1301\"}\n"), k -> null);
        assertThat(own.registration()).isEqualTo(new be.proactief.core.platform.PlatformRegistration("gent.be/afvalpas", "1301"));
        assertThat(SchemeCatalog.parse("plain.yaml", VALID, k -> null).registration()).isNull();
        assertThatThrownBy(() -> SchemeCatalog.parse("broken.yaml", VALID.replace("retention: P1Y\n",
                "retention: P1Y\nmagda: {identificatie: \"gent.be/afvalpas\"}\n"), k -> null))
                .hasMessage("broken.yaml: field 'magda.hoedanigheid' is missing");
        assertThatThrownBy(() -> SchemeCatalog.parse("broken.yaml", VALID.replace("retention: P1Y\n",
                "retention: P1Y\nmagda: {identificatie: a, hoedanigheid: b, sender: c}\n"), k -> null))
                .hasMessageContaining("magda.sender");
    }

    @Test
    void a_scheme_file_may_read_proactief_scheme_settings_and_no_others() {
        SchemeVersion named = SchemeCatalog.parse("own.yaml", VALID.replace("name: {nl: test,", "name: {nl: \"${PROACTIEF_SCHEME_WASTE_NAME:Afvalzakken}\","),
                k -> k.equals("PROACTIEF_SCHEME_WASTE_NAME") ? "Huisvuilzakken" : null);
        assertThat(named.nameNl()).isEqualTo("Huisvuilzakken");
        assertThatThrownBy(() -> SchemeCatalog.parse("leak.yaml", VALID.replace("name: {nl: test,", "name: {nl: \"${PROACTIEF_SUBJECT_KEYS}\","),
                k -> "{\"waste-bags\":\"c2VjcmV0\"}"))
                .hasMessageContaining("${PROACTIEF_SUBJECT_KEYS}").hasMessageContaining("only PROACTIEF_SCHEME_*").hasMessageNotContaining("c2VjcmV0");
        assertThatThrownBy(() -> SchemeCatalog.parse("leak.yaml", VALID.replace("name: {nl: test,", "name: {nl: \"${AWS_SECRET_ACCESS_KEY:x}\","), k -> "s3cret"))
                .hasMessageContaining("only PROACTIEF_SCHEME_*");
    }

    @Test
    void invalid_yaml_names_the_file() {
        assertThatThrownBy(() -> SchemeCatalog.parse("broken.yaml", "id: [unclosed", k -> null))
                .hasMessageStartingWith("broken.yaml: is not valid YAML");
    }

    @Test
    void a_city_folder_with_a_broken_file_stops_the_start(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ok.yaml"), VALID);
        Files.writeString(dir.resolve("zz-broken.yaml"), VALID.replace("id: test-scheme", "id: Test Scheme"));
        assertThatThrownBy(() -> SchemeCatalog.loadDirectory(dir, k -> null))
                .hasMessageContaining("zz-broken.yaml: field 'id' must be lower-case letters");
    }

    @Test
    void the_newest_version_decides_and_older_ones_stay() {
        SchemeVersion v1 = SchemeCatalog.parse("v1.yaml", VALID, k -> null);
        SchemeVersion v2 = SchemeCatalog.parse("v2.yaml", VALID.replace("version: 1", "version: 2"), k -> null);
        SchemeCatalog catalog = SchemeCatalog.of(java.util.List.of(v2, v1));
        assertThat(catalog.current("test-scheme")).contains(v2);
        assertThat(catalog.version("test-scheme", 1)).contains(v1);
    }

    @Test
    void a_repeated_version_is_refused() {
        SchemeVersion v1 = SchemeCatalog.parse("a.yaml", VALID, k -> null);
        SchemeVersion again = SchemeCatalog.parse("b.yaml", VALID, k -> null);
        assertThatThrownBy(() -> SchemeCatalog.of(java.util.List.of(v1, again))).hasMessageContaining("b.yaml: field 'version' repeats version 1");
    }
}
