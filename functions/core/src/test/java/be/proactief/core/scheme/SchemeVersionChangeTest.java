package be.proactief.core.scheme;

import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.insz.Insz;
import be.proactief.core.invoice.DiscountedInvoice;
import be.proactief.core.invoice.InvoiceDiscounter;
import be.proactief.core.invoice.InvoiceMessage;
import be.proactief.core.testing.CoreFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule change mid-period is a new version with validFrom: each period is decided, and stated, by the version that governs it. */
class SchemeVersionChangeTest {

    private final CoreFixture f = new CoreFixture(); // 28 November 2026
    private final Insz child = Insz.of(12, 65, 2, 7, true);

    static String v1() throws IOException {
        try (InputStream in = SchemeVersionChangeTest.class.getResourceAsStream("/schemes/school-discount.v1.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** v2 from November 2026: the increased allowance gives 60 % instead of 50 %. */
    static SchemeVersion v2(String validFrom) throws IOException {
        String text = v1().replace("version: 1", "version: 2\nvalidFrom: \"" + validFrom + "\"")
                .replace("discountPercent: 50", "discountPercent: 60").replace("50 % korting", "60 % korting").replace("50 % off", "60 % off");
        return SchemeCatalog.parse("school-discount.v2.yaml", text, k -> null);
    }

    private InvoiceDiscounter discounter(SchemeCatalog catalog) {
        return new InvoiceDiscounter(new EntitlementEngine(catalog, f.keys, f.decisions, f.overrides, f.reviews, f.platform, f.audit, f.clock));
    }

    private static InvoiceMessage invoice(String id, String period, Insz child) {
        return new InvoiceMessage(id, "school-17", period, new InvoiceMessage.Child(child.digits()), "EUR",
                List.of(InvoiceMessage.Line.of("1", "OPVANG", "opvang", 10, 100, 1000)), null);
    }

    @Test
    void this_months_invoices_get_the_new_percentage_and_name_version_2_last_months_stay_at_version_1() throws IOException {
        f.platform.with(child, "BIM_BVT_IN_FAMILY");
        discounter(f.catalog).discount(invoice("INV-OCT", "2026-10", child)); // decided under v1 and stored
        discounter(f.catalog).discount(invoice("INV-NOV-0", "2026-11", child));

        List<SchemeVersion> all = new ArrayList<>(f.catalog.all());
        all.add(v2("2026-11"));
        InvoiceDiscounter afterTheChange = discounter(SchemeCatalog.of(all));

        DiscountedInvoice october = afterTheChange.discount(invoice("INV-OCT-2", "2026-10", child));
        DiscountedInvoice november = afterTheChange.discount(invoice("INV-NOV-1", "2026-11", child));

        assertThat(october.schemeVersion()).isEqualTo(1);
        assertThat(october.discountCents()).isEqualTo(500);
        assertThat(november.schemeVersion()).as("a stored v1 decision of a v2 month is decided again").isEqualTo(2);
        assertThat(november.discountCents()).isEqualTo(600);
        assertThat(november.note()).contains("60 %");
        assertThat(afterTheChange.discount(invoice("INV-NOV-2", "2026-11", child))).extracting(DiscountedInvoice::schemeVersion, DiscountedInvoice::discountCents)
                .containsExactly(2, 600L);
    }

    @Test
    void a_version_whose_valid_from_lies_ahead_does_not_govern_yet() throws IOException {
        List<SchemeVersion> all = new ArrayList<>(f.catalog.all());
        all.add(v2("2027-01"));
        SchemeCatalog catalog = SchemeCatalog.of(all);
        SchemeVersion latest = catalog.current("school-discount").orElseThrow();

        assertThat(catalog.governing("school-discount", latest.periodOf("2026-12")).version()).isEqualTo(1);
        assertThat(catalog.governing("school-discount", latest.periodOf("2027-01")).version()).isEqualTo(2);
        assertThat(catalog.versions("school-discount")).extracting(SchemeVersion::validFromLabel).containsExactly(null, "2027-01");
    }

    @Test
    void a_valid_from_that_does_not_fit_the_period_kind_stops_the_start_naming_the_file_and_field() {
        assertThatThrownBy(() -> v2("2026-11-01")).isInstanceOf(SchemeFileException.class)
                .hasMessageContaining("school-discount.v2.yaml").hasMessageContaining("validFrom").hasMessageContaining("YYYY-MM");
    }
}
