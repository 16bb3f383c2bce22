package be.proactief.core.voucher;

import be.proactief.core.messaging.JsonText;

import java.util.Objects;

/**
 * The message on the {@code vouchers} queue: an idempotent statement ("household X gets this
 * voucher, with this code, for this period"), so a resend after a crash is harmless; consumers
 * recognise a repeat by {@code voucherCode}. It carries no INSZ.
 *
 * <pre>{"voucherCode":"7KQ4-M9TX-2HBD-R0CS","householdId":"HH-000042","period":"2027","kind":"BAG_VOUCHER",
 *  "amountCents":8400,"wastePassId":"AFP-00123456","letterNl":"Beste bewoner, …","schemeVersion":1}</pre>
 *
 * {@code schemeVersion}: the version of the scheme that decided it (its tier and amount).
 */
public record Voucher(String voucherCode, String householdId, String period, VoucherKind kind, long amountCents,
                      String wastePassId, String letterNl, int schemeVersion) {

    public Voucher {
        Objects.requireNonNull(voucherCode, "voucherCode");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(letterNl, "letterNl");
    }

    /** The output contract, fields in this order; {@code wastePassId} is null when the household has none. */
    public String toJson() {
        StringBuilder out = new StringBuilder(512).append('{');
        JsonText.field(out, "voucherCode", voucherCode).append(',');
        JsonText.field(out, "householdId", householdId).append(',');
        JsonText.field(out, "period", period).append(',');
        JsonText.field(out, "kind", kind.name()).append(',');
        out.append("\"amountCents\":").append(amountCents).append(',');
        JsonText.field(out, "wastePassId", wastePassId).append(',');
        JsonText.field(out, "letterNl", letterNl).append(',');
        out.append("\"schemeVersion\":").append(schemeVersion);
        return out.append('}').toString();
    }
}
