package be.proactief.core.scheme;

/**
 * How the engine puts a scheme's tiers to the platform.
 * <ul>
 *   <li>{@code TIER_BY_TIER}: one question per tier, most generous first, stopping at the first
 *       yes: asks about no more statuses than needed (data minimisation; the default).</li>
 *   <li>{@code ONE_QUESTION}: one question carrying the statuses of every tier (at most 8), the most
 *       generous tier with a yes wins: one platform call per decision, for high-volume schemes
 *       (month-end billing) where the platform's rate limit is the bound.</li>
 * </ul>
 */
public enum Consultation { TIER_BY_TIER, ONE_QUESTION }
