package be.proactief.local;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the demo did, in numbers a city would ask for. Tier keys are the scheme files' tier ids
 * ({@code none} for no discount).
 */
record DemoReport(int households,
                  int residents,
                  int children,
                  String invoicePeriod,
                  String voucherPeriod,
                  Map<String, Long> childrenByTier,
                  Map<String, Long> expectedChildrenByTier,
                  Map<String, Long> invoicesByTier,
                  Map<String, Long> discountCentsByTier,
                  long invoicesSent,
                  long invoicesOut,
                  long householdsEntitledWasteBags,
                  long bagVouchers,
                  long containerCredits,
                  long voucherCentsTotal,
                  Map<String, Long> checksByOutcome,
                  long unknowns,
                  long deadLetters,
                  long platformCalls,
                  int overrides,
                  long wallMillis) {

    String render() {
        StringBuilder s = new StringBuilder();
        s.append("\n=== Proactief demo: a synthetic city of ").append(households).append(" households (")
                .append(residents).append(" residents, ").append(children).append(" children) ===\n\n");
        s.append("school-discount, period ").append(invoicePeriod).append(" (month-end invoices through invoice-discounter)\n");
        s.append(String.format("  %-22s %9s %9s %14s%n", "tier", "children", "invoices", "discount"));
        for (String tier : new TreeMap<>(invoicesByTier).keySet()) {
            s.append(String.format("  %-22s %9d %9d %14s%n", tier, childrenByTier.getOrDefault(tier, 0L), invoicesByTier.get(tier),
                    euros(discountCentsByTier.getOrDefault(tier, 0L))));
        }
        s.append(String.format("  invoices in %d, discounted statements out %d, total discount %s%n%n", invoicesSent, invoicesOut,
                euros(discountCentsByTier.values().stream().mapToLong(Long::longValue).sum())));
        s.append("waste-bags, period ").append(voucherPeriod).append(" (yearly run through voucher-issuer)\n");
        s.append(String.format("  households entitled %d: bag vouchers %d, container credits %d, total %s%n%n", householdsEntitledWasteBags,
                bagVouchers, containerCredits, euros(voucherCentsTotal)));
        s.append("uitpas-kansentarief (desk checks through check-api over HTTP)\n");
        s.append("  ").append(new TreeMap<>(checksByOutcome)).append("\n\n");
        s.append(String.format("caseworker overrides %d | UNKNOWN answers %d | DLQ messages %d | platform calls %d | wall time %.1f s%n",
                overrides, unknowns, deadLetters, platformCalls, wallMillis / 1000.0));
        return s.toString();
    }

    static String euros(long cents) {
        return String.format("EUR %,d.%02d", cents / 100, cents % 100);
    }
}
