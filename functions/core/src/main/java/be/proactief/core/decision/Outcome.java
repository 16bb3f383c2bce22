package be.proactief.core.decision;

/** UNKNOWN is never NO: it means the platform could not answer, and is never stored. */
public enum Outcome { ENTITLED, NOT_ENTITLED, UNKNOWN }
