package be.proactief.core.decision;

/**
 * The four outcomes of a check.
 * <ul>
 *   <li>{@code ENTITLED}: a tier is granted (by the platform's answer or a caseworker's override);</li>
 *   <li>{@code NOT_ENTITLED}: stored only from a real answer to the question asked, or an override;</li>
 *   <li>{@code UNKNOWN}: the platform could not answer (down, slow, malformed, about someone else): try
 *       again; never stored, never a refusal;</li>
 *   <li>{@code REVIEW}: the platform answered, but not the question (no data, a person-level status, an
 *       unusable number): a caseworker decides. Never stored as a decision, never a refusal; it opens a
 *       review case.</li>
 * </ul>
 */
public enum Outcome {
    ENTITLED, NOT_ENTITLED, UNKNOWN, REVIEW;

    /** Whether a caseworker's override may record this outcome: only a decision (ENTITLED or NOT_ENTITLED). */
    public boolean decides() {
        return this == ENTITLED || this == NOT_ENTITLED;
    }
}
