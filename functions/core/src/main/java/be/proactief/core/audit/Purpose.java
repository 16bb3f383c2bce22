package be.proactief.core.audit;

/**
 * Why a caseworker looks a resident up (the resident file's <em>reden van raadpleging</em>), written in the audit
 * line of every search, so a resident's access request ("who looked me up, and why") can be answered.
 */
public enum Purpose {
    /** the resident asked (at the desk, by phone, by mail) */
    RESIDENT_REQUEST,
    /** handling a review case of the worklist */
    REVIEW_CASE,
    /** an appeal against a decision */
    APPEAL,
    /** an audit of the city's decisions */
    AUDIT
}
