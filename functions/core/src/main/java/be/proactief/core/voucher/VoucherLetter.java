package be.proactief.core.voucher;

import java.util.Locale;

/**
 * The short Dutch letter that goes with a voucher or a credit: what the household gets, for how
 * much, and that it did not have to apply. Names the ground (e.g. "verhoogde tegemoetkoming in
 * het gezin"), never any underlying data, and never a person.
 */
public final class VoucherLetter {

    private VoucherLetter() {
    }

    public static String nl(VoucherKind kind, String periodId, long amountCents, int householdSize, String voucherCode,
                            String wastePassId, String groundNl) {
        String amount = euros(amountCents);
        String household = "gezin van " + householdSize + (householdSize == 1 ? " persoon" : " personen");
        String what = switch (kind) {
            case BAG_VOUCHER -> "Uw gezin krijgt voor " + periodId + " gratis huisvuilzakken: een waardebon van " + amount
                    + " (" + household + "). Uw code is " + voucherCode + ".";
            case CONTAINER_CREDIT -> "Uw gezin krijgt voor " + periodId + " " + amount + " extra ophaalkrediet op uw afvalpas "
                    + wastePassId + " (" + household + "). Het krediet staat automatisch op uw pas; referentie " + voucherCode + ".";
        };
        return "Beste bewoner,\n\n" + what + "\n\n"
                + "U hoefde hiervoor niets aan te vragen: de stad kent dit automatisch toe op grond van de " + groundNl + ".\n\n"
                + "Met vriendelijke groeten,\nUw stadsbestuur";
    }

    /** {@code 8400} → {@code € 84,00} */
    static String euros(long cents) {
        return String.format(Locale.ROOT, "€ %d,%02d", cents / 100, cents % 100);
    }
}
