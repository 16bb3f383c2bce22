package be.proactief.core.review;

import be.proactief.core.messaging.JsonText;

/**
 * The message on {@code review-resolutions} when a caseworker's override resolves a case, so that the
 * city's billing and letter systems can act (billing resends the invoice as revision 2):
 * <pre>{"caseId","scheme","period":{"id","from","until"},"outcome","tier","overrideId",
 *  "sources":[{"type","ref","at"}],"resolvedAt"}</pre>
 * Never an INSZ.
 */
public final class ReviewResolution {

    private ReviewResolution() {
    }

    public static String toJson(ReviewCase c, String outcome, String tier) {
        StringBuilder out = new StringBuilder(512).append('{');
        JsonText.field(out, "caseId", c.caseId()).append(',');
        JsonText.field(out, "scheme", c.scheme()).append(',');
        out.append("\"period\":{");
        JsonText.field(out, "id", c.periodId()).append(',');
        JsonText.field(out, "from", String.valueOf(c.periodFrom())).append(',');
        JsonText.field(out, "until", String.valueOf(c.periodUntil())).append("},");
        JsonText.field(out, "outcome", outcome).append(',');
        JsonText.field(out, "tier", tier).append(',');
        JsonText.field(out, "overrideId", c.overrideId()).append(',');
        out.append("\"sources\":[");
        for (int i = 0; i < c.sources().size(); i++) {
            ReviewSource s = c.sources().get(i);
            if (i > 0) out.append(',');
            out.append('{');
            JsonText.field(out, "type", s.type().name()).append(',');
            JsonText.field(out, "ref", s.ref()).append(',');
            JsonText.field(out, "at", s.at().toString());
            out.append('}');
        }
        out.append("],");
        JsonText.field(out, "resolvedAt", c.resolvedAt() == null ? null : c.resolvedAt().toString());
        return out.append('}').toString();
    }
}
