package be.proactief.core.decision;

/** Where a decision comes from: the platform's answer, or a caseworker's override. */
public enum Basis { PLATFORM, OVERRIDE }
