package be.proactief.function.invoicediscounter;

import be.proactief.core.insz.Insz;
import be.proactief.core.invoice.DiscountedInvoice;
import be.proactief.core.invoice.InvalidInvoiceException;
import be.proactief.core.invoice.InvoiceMessage;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The message contract on the wire: the core's records read and written with Micronaut Serialization
 * (no reflection; the core itself stays framework-free). Unknown input fields are ignored; an
 * unreadable body is an {@link InvalidInvoiceException} that names the invoice id when it can.
 */
@Singleton
@SerdeImport(InvoiceMessage.class)
@SerdeImport(InvoiceMessage.Child.class)
@SerdeImport(InvoiceMessage.Line.class)
@SerdeImport(DiscountedInvoice.class)
@SerdeImport(DiscountedInvoice.DecisionSummary.class)
@SerdeImport(DiscountedInvoice.Line.class)
public class InvoiceJson {

    private final JsonMapper json;

    public InvoiceJson(JsonMapper json) {
        this.json = json;
    }

    /** @throws InvalidInvoiceException when the body is empty or not the contract's JSON */
    public InvoiceMessage read(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInvoiceException(null, List.of("message body is empty"), null);
        }
        try {
            InvoiceMessage message = json.readValue(body, InvoiceMessage.class);
            if (message == null) throw new InvalidInvoiceException(null, List.of("message body is JSON null"), null);
            return message;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInvoiceException invalid) throw invalid;
            throw unreadable(body, e);
        }
    }

    public String write(DiscountedInvoice statement) {
        try {
            return json.writeValueAsString(statement);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names what it can of a body that does not fit the contract: its invoiceId and the child's INSZ, masked. */
    private InvalidInvoiceException unreadable(String body, Exception cause) {
        String invoiceId = null;
        String masked = null;
        try {
            Object tree = json.readValue(body, Object.class);
            if (tree instanceof Map<?, ?> map) {
                if (map.get("invoiceId") instanceof String id) invoiceId = id;
                if (map.get("child") instanceof Map<?, ?> child && child.get("insz") instanceof String insz) {
                    masked = Insz.isValid(insz) ? Insz.parse(insz).masked() : "invalid";
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // not JSON at all: nothing more to name
        }
        return new InvalidInvoiceException(invoiceId, List.of("body is not an invoice in the contract's JSON: " + summary(cause)), masked);
    }

    private static String summary(Exception e) {
        return Insz.redactLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 200);
    }
}
