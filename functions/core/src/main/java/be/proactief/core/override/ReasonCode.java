package be.proactief.core.override;

/** Why a caseworker (baliemedewerker) overrides the platform's answer. */
public enum ReasonCode {
    /** separated parents: the child lives part-time in a household the platform does not see */
    CO_PARENTING,
    /** moved in recently; the platform's data has not caught up */
    RECENT_MOVE,
    /** the platform's data is known to be out of date */
    STALE_DATA,
    OTHER
}
