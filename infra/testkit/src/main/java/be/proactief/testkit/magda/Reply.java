package be.proactief.testkit.magda;

/**
 * How the simulator replies about a persona: with the answer (the default), or with one of the replies
 * the platform gives that are not an answer to the question asked. Every kind is valid against the
 * official response XSD.
 *
 * <table>
 *   <caption>reply kinds and what the client must make of them</caption>
 *   <tr><th>kind</th><th>the reply</th><th>outcome</th></tr>
 *   <tr><td>ANSWER</td><td>a Resultaat for every status asked</td><td>ENTITLED / NOT_ENTITLED</td></tr>
 *   <tr><td>PERSON_STATUS</td><td>a person-level Status SSH00048 "Geen gegevens gevonden" instead of SocialeStatuten</td><td>REVIEW PLATFORM_NO_ANSWER</td></tr>
 *   <tr><td>MISSING_STATUS</td><td>the first status asked left out of the reply</td><td>REVIEW PLATFORM_NO_ANSWER</td></tr>
 *   <tr><td>NO_DATA</td><td>Uitzondering FOUT 30001 "Geen gegevens gevonden voor de vraag"</td><td>REVIEW PLATFORM_NO_DATA</td></tr>
 *   <tr><td>INSZ_CANCELLED</td><td>Uitzondering FOUT 30002</td><td>REVIEW INSZ_NOT_USABLE</td></tr>
 *   <tr><td>INSZ_UNKNOWN</td><td>Uitzondering FOUT 30003 "Onbestaande INSZ" (also for any unregistered INSZ)</td><td>REVIEW INSZ_NOT_USABLE</td></tr>
 *   <tr><td>INSZ_REPLACED</td><td>Uitzondering FOUT 30004</td><td>REVIEW INSZ_NOT_USABLE</td></tr>
 *   <tr><td>STATUS_WARNING</td><td>the answer, with a Status SSH00047 next to each result</td><td>the answer stands, warnings kept</td></tr>
 *   <tr><td>PERIOD_MISMATCH</td><td>Code 1 for the persona's statuses, with a Periode that ended a year before the date asked</td><td>REVIEW PLATFORM_PERIOD_MISMATCH</td></tr>
 *   <tr><td>OTHER_INSZ</td><td>every status applying, about another INSZ</td><td>UNKNOWN MISMATCHED_REPLY</td></tr>
 *   <tr><td>WRONG_REFERENCE</td><td>every status applying, with an Antwoord/Referte that is not the question's</td><td>UNKNOWN MISMATCHED_REPLY</td></tr>
 * </table>
 */
public enum Reply {
    ANSWER, PERSON_STATUS, MISSING_STATUS, NO_DATA, INSZ_CANCELLED, INSZ_UNKNOWN, INSZ_REPLACED, STATUS_WARNING,
    PERIOD_MISMATCH, OTHER_INSZ, WRONG_REFERENCE
}
