package be.proactief.core.platform;

import be.proactief.core.insz.Insz;

import java.time.LocalDate;
import java.util.List;

/**
 * The platform port: MAGDA GeefSociaalStatuut 03.00 in production, the simulator locally.
 * Asks whether the named social statuses apply to one person on one date.
 */
public interface SocialStatusSource {

    /** The platform accepts 1 to 8 status names in one question. */
    int MAX_STATUSES_PER_QUESTION = 8;

    /**
     * @param statusNames 1–8 MAGDA status names, e.g. {@code LIVING_WAGES_PCSA_HELP}
     * @return the answer; a requested status that the reply does not mention is not applicable
     * @throws PlatformUnavailableException when the platform is down, slow, refuses, or answers
     *         with an Uitzondering of type FOUT: the caller must treat this as UNKNOWN, never as a no
     */
    StatusAnswer ask(Insz insz, List<String> statusNames, LocalDate date) throws PlatformUnavailableException;
}
