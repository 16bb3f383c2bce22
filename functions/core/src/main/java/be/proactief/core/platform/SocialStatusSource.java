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
     * @param statusNames  1–8 MAGDA status names, e.g. {@code LIVING_WAGES_PCSA_HELP}
     * @param registration the scheme's own registration, or {@code null} for the platform client's default
     * @return the answer: for the INSZ asked, a result for every status asked
     * @throws PlatformUnavailableException when the platform is down, slow, refuses, answers malformed or
     *         about someone else: the caller must treat this as UNKNOWN, never as a no
     * @throws PlatformCannotDecideException when the reply does not answer the question (no data, a
     *         person-level status, a status left out, an unusable number): REVIEW, never a no
     */
    StatusAnswer ask(Insz insz, List<String> statusNames, LocalDate date, PlatformRegistration registration)
            throws PlatformUnavailableException, PlatformCannotDecideException;

    /** The registration a question without its own goes under ({@code MAGDA_SENDER_ID}, {@code MAGDA_HOEDANIGHEID}). */
    PlatformRegistration defaultRegistration();

    /** Under the default registration. */
    default StatusAnswer ask(Insz insz, List<String> statusNames, LocalDate date) throws PlatformUnavailableException, PlatformCannotDecideException {
        return ask(insz, statusNames, date, null);
    }
}
