package be.proactief.magda;

import be.proactief.core.insz.Insz;
import be.proactief.core.platform.PlatformCannotDecideException;
import be.proactief.core.platform.PlatformUnavailableException;
import be.proactief.core.platform.PlatformUnavailableException.Reason;
import be.proactief.core.platform.StatusAnswer;
import be.proactief.core.review.ReviewReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static be.proactief.magda.AttemptFailure.PERMANENT_RETRY_AFTER;
import static be.proactief.magda.AttemptFailure.UITZONDERING_RETRY_AFTER;

/**
 * The one reading of a GeefSociaalStatuut reply (the table on {@link MagdaClient}): an answer to the question asked,
 * REVIEW ({@link PlatformCannotDecideException}) or UNKNOWN ({@link PlatformUnavailableException}). Only a reply about
 * the INSZ asked, to our message, with a result for every status asked, is an answer. Thread-safe.
 */
final class ReplyInterpreter {

    private static final Logger log = LoggerFactory.getLogger(MagdaClient.class);

    private final PlatformCounters counters;

    ReplyInterpreter(PlatformCounters counters) {
        this.counters = counters;
    }

    /** The FOUT codes that mean the platform answered about the person, but cannot answer the question: REVIEW. */
    private static final Map<String, ReviewReason> REVIEW_CODES = Map.of(
            "30001", ReviewReason.PLATFORM_NO_DATA,
            "30002", ReviewReason.INSZ_NOT_USABLE,
            "30003", ReviewReason.INSZ_NOT_USABLE,
            "30004", ReviewReason.INSZ_NOT_USABLE);

    /** The one reading of a reply: an answer, REVIEW or UNKNOWN (see the class comment). */
    StatusAnswer interpret(SoapTransport.Exchange exchange, Insz insz, List<String> names, LocalDate date)
            throws PlatformUnavailableException, PlatformCannotDecideException {
        GeefSociaalStatuutReply reply = exchange.reply();
        String platformReference = reply.platformReference();
        String ours = exchange.request().referte();
        String where = "platform reference " + platformReference + ", our reference " + ours;

        if (reply.answerReference().filter(r -> !r.equals(ours)).isPresent()) {
            throw mismatched("MAGDA answered another question (Antwoord/Referte " + InszRedaction.scrub(reply.answerReference().get())
                    + "); " + where);
        }
        if (reply.receiverReference().filter(r -> !r.equals(ours)).isPresent()) {
            throw mismatched("MAGDA's reply is addressed to another message (Ontvanger/Referte " + InszRedaction.scrub(reply.receiverReference().get())
                    + "); " + where);
        }
        if (reply.personInsz().filter(digits -> !digits.equals(insz.digits())).isPresent()) {
            throw mismatched("MAGDA answered about another INSZ than asked; " + where);
        }

        List<String> codes = reply.codes();
        List<GeefSociaalStatuutReply.Uitzondering> fouten = reply.fouten();
        if (!fouten.isEmpty()) {
            GeefSociaalStatuutReply.Uitzondering first = fouten.get(0);
            String message = "platform answered Uitzondering " + InszRedaction.scrub(first.identificatie())
                    + " (" + InszRedaction.scrub(first.diagnose()) + "); " + where;
            boolean allAboutThePerson = fouten.stream().allMatch(f -> REVIEW_CODES.containsKey(f.identificatie()));
            if (allAboutThePerson) throw cannotDecide(REVIEW_CODES.get(first.identificatie()), codes, platformReference, message);
            PlatformUnavailableException e = new PlatformUnavailableException(Reason.UITZONDERING, message, UITZONDERING_RETRY_AFTER);
            counters.unavailable(Reason.UITZONDERING);
            log.warn("MAGDA gave no answer: {} {}", e.reason(), message);
            throw e;
        }
        if (!reply.hasPerson()) {
            // neither an answer about anyone nor an error: nothing ties it to the person asked
            counters.unavailable(Reason.MALFORMED_REPLY);
            log.warn("MAGDA gave no answer: {} a reply without Antwoord/Inhoud/Persoon and without Uitzondering FOUT; {}", Reason.MALFORMED_REPLY, where);
            throw new PlatformUnavailableException(Reason.MALFORMED_REPLY, "MAGDA's reply has no Persoon and no Uitzondering FOUT; " + where,
                    PERMANENT_RETRY_AFTER);
        }
        if (reply.personStatus().isPresent()) {
            throw cannotDecide(ReviewReason.PLATFORM_NO_ANSWER, codes, platformReference,
                    "MAGDA gave a person-level Status " + InszRedaction.scrub(reply.personStatus().get()) + " instead of the statuses asked; " + where);
        }
        Map<String, GeefSociaalStatuutReply.SociaalStatuut> byName = new LinkedHashMap<>();
        for (GeefSociaalStatuutReply.SociaalStatuut s : reply.statuten()) byName.putIfAbsent(s.naam(), s);
        List<String> missing = names.stream().filter(n -> !byName.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw cannotDecide(ReviewReason.PLATFORM_NO_ANSWER, codes, platformReference,
                    "MAGDA's reply carries no result for " + missing.size() + " of the " + names.size() + " statuses asked "
                            + InszRedaction.scrub(missing.toString()) + "; " + where);
        }

        Set<String> applicable = new LinkedHashSet<>();
        Set<String> periodMismatch = new LinkedHashSet<>();
        for (String name : names) {
            GeefSociaalStatuutReply.SociaalStatuut s = byName.get(name);
            if (s.appliesOn(date)) applicable.add(name);
            else if (s.vanToepassing()) periodMismatch.add(name);
        }
        for (GeefSociaalStatuutReply.Uitzondering u : reply.uitzonderingen()) {
            log.warn("MAGDA Uitzondering {} {} ({}) from {} for {}; platform reference {}", u.type(), InszRedaction.scrub(u.identificatie()),
                    InszRedaction.scrub(u.diagnose()), InszRedaction.scrub(u.oorsprong()), exchange.request(), platformReference);
        }
        counters.answered();
        return new StatusAnswer(platformReference, applicable, periodMismatch, codes);
    }

    /** Never used as an answer: one error line, no INSZ. */
    private PlatformUnavailableException mismatched(String message) {
        counters.unavailable(Reason.MISMATCHED_REPLY);
        log.error("MAGDA reply not used: {}", message);
        return new PlatformUnavailableException(Reason.MISMATCHED_REPLY, message, PERMANENT_RETRY_AFTER);
    }

    private PlatformCannotDecideException cannotDecide(ReviewReason reason, List<String> codes, String platformReference, String message) {
        counters.undecided();
        log.warn("MAGDA reply does not answer the question: {} {} {}", reason, codes, message);
        return new PlatformCannotDecideException(reason, codes, platformReference, message);
    }

}
