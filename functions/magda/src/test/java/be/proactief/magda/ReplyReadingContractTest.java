package be.proactief.magda;

import be.proactief.magda.MagdaConfig.RetrySettings;
import be.proactief.core.insz.Insz;
import be.proactief.core.platform.PlatformCannotDecideException;
import be.proactief.core.platform.PlatformUnavailableException;
import be.proactief.core.platform.StatusAnswer;
import be.proactief.core.review.ReviewReason;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Personas;
import be.proactief.testkit.magda.Reply;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How a reply is read: one test per row of the reading table (issue "honest platform answers"), each on a
 * reply shape the official response XSD accepts (checked here on the simulator's own reply, where
 * {@code ../shared/magda} is present). Only an answer, about the INSZ asked and to our question, with a
 * result for every status asked, may say "no".
 */
class ReplyReadingContractTest {

    private static final LocalDate DATE = LocalDate.of(2025, 3, 1);
    private static final List<String> TIER = List.of("LIVING_WAGES_PCSA_HELP", "BIM_BVT");
    private static MagdaSimulator simulator;
    private static MagdaClient client;

    @BeforeAll
    static void start() {
        simulator = new MagdaSimulator().registerAll(Personas.everyone()).start();
        client = new MagdaClient(MagdaConfig.defaults(simulator.endpoint(), "gent.be/proactief", "1303")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)).withRetry(RetrySettings.attempts(1, Duration.ofMillis(10))));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static Insz replying(Reply kind) {
        return Personas.replying(kind).insz();
    }

    private static PlatformCannotDecideException review(Insz insz) {
        PlatformCannotDecideException e = catchThrowableOfType(() -> client.ask(insz, TIER, DATE), PlatformCannotDecideException.class);
        assertThat(e).as("REVIEW: the reply does not answer the question").isNotNull();
        assertThat(e.getMessage()).doesNotContain(insz.digits());
        return e;
    }

    private static PlatformUnavailableException unknown(Insz insz) {
        PlatformUnavailableException e = catchThrowableOfType(() -> client.ask(insz, TIER, DATE), PlatformUnavailableException.class);
        assertThat(e).as("UNKNOWN: the reply is not used").isNotNull();
        assertThat(e.getMessage()).doesNotContain(insz.digits());
        return e;
    }

    @ParameterizedTest
    @EnumSource(Reply.class)
    void every_reply_kind_the_simulator_gives_is_valid_against_the_official_response_schema(Reply kind) throws Exception {
        Insz insz = kind == Reply.INSZ_UNKNOWN ? Personas.unknownInsz() : replying(kind);
        String envelope = GeefSociaalStatuutRequest.forQuestion(MagdaConfig.defaults(URI.create("http://127.0.0.1:1/ws"), "gent.be/proactief", "1303"),
                insz, TIER, DATE, Clock.systemUTC()).toSoapEnvelope();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(simulator.endpoint())
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Document doc = MagdaReferenceData.parse(response.body());

        MagdaReferenceData.validate(MagdaReferenceData.responseSchema(), MagdaReferenceData.element(doc, "GeefSociaalStatuutResponse"));
    }

    @Test
    void a_result_for_every_status_asked_is_an_answer() throws Exception {
        StatusAnswer answer = client.ask(Personas.increasedAllowance().insz(), TIER, DATE);

        assertThat(answer.applicable()).containsExactly("BIM_BVT");
        assertThat(answer.periodMismatch()).isEmpty();
    }

    @Test
    void a_status_applying_only_in_periods_that_miss_the_date_is_a_period_mismatch_not_a_yes() throws Exception {
        StatusAnswer answer = client.ask(replying(Reply.PERIOD_MISMATCH), TIER, DATE);

        assertThat(answer.applicable()).isEmpty();
        assertThat(answer.periodMismatch()).containsExactlyInAnyOrderElementsOf(TIER);
    }

    @Test
    void a_person_level_status_instead_of_the_statuses_is_review_no_answer() {
        PlatformCannotDecideException e = review(replying(Reply.PERSON_STATUS));

        assertThat(e.reason()).isEqualTo(ReviewReason.PLATFORM_NO_ANSWER);
        assertThat(e.platformCodes()).containsExactly("SSH00048");
    }

    @Test
    void a_status_asked_that_the_reply_leaves_out_is_review_no_answer() {
        assertThat(review(replying(Reply.MISSING_STATUS)).reason()).isEqualTo(ReviewReason.PLATFORM_NO_ANSWER);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"06691087347.xml", "69650368562.xml"})
    void the_official_no_data_answer_is_review_no_data_with_its_identificatie_and_omstandigheid(String file) throws Exception {
        String official = java.nio.file.Files.readString(MagdaReferenceData.responseFiles().stream()
                .filter(p -> p.getFileName().toString().equals(file)).findFirst().orElseThrow());
        // the platform echoes our references; the mock answer holds fixed ones
        String echoing = official.replaceAll("(<Ontvanger>[\\s\\S]*?<Referte>)[^<]*", "$1" + java.util.regex.Matcher.quoteReplacement(CannedPlatform.QUESTION_REFERENCE))
                .replaceAll("(<Antwoord>\\s*<Referte>)[^<]*", "$1" + java.util.regex.Matcher.quoteReplacement(CannedPlatform.QUESTION_REFERENCE));
        Insz insz = Insz.parse(file.substring(0, 11));
        try (CannedPlatform platform = new CannedPlatform(200, echoing)) {
            MagdaClient canned = new MagdaClient(MagdaConfig.defaults(platform.endpoint(), "gent.be/proactief", "1303")
                    .withRetry(RetrySettings.attempts(1, Duration.ofMillis(10))));

            PlatformCannotDecideException e = catchThrowableOfType(() -> canned.ask(insz, TIER, DATE), PlatformCannotDecideException.class);

            assertThat(e.reason()).isEqualTo(ReviewReason.PLATFORM_NO_DATA);
            assertThat(e.platformCodes()).containsExactly("30001", "SSH00048");
        }
    }

    @Test
    void a_reply_with_neither_a_person_nor_an_error_is_unknown_malformed() throws Exception {
        String empty = "<GeefSociaalStatuutResponse><Repliek><Context><Bericht><Afzender><Referte>r</Referte></Afzender></Bericht></Context>"
                + "<Antwoorden><Antwoord><Referte>" + CannedPlatform.QUESTION_REFERENCE + "</Referte></Antwoord></Antwoorden>"
                + "</Repliek></GeefSociaalStatuutResponse>";
        try (CannedPlatform platform = new CannedPlatform(200, empty)) {
            MagdaClient canned = new MagdaClient(MagdaConfig.defaults(platform.endpoint(), "gent.be/proactief", "1303")
                    .withRetry(RetrySettings.attempts(1, Duration.ofMillis(10))));

            assertThat(catchThrowableOfType(() -> canned.ask(Personas.leefloon().insz(), TIER, DATE), PlatformUnavailableException.class)
                    .reason()).isEqualTo(PlatformUnavailableException.Reason.MALFORMED_REPLY);
        }
    }

    @Test
    void no_data_found_30001_is_review_no_data() {
        PlatformCannotDecideException e = review(replying(Reply.NO_DATA));

        assertThat(e.reason()).isEqualTo(ReviewReason.PLATFORM_NO_DATA);
        assertThat(e.platformCodes()).containsExactly("30001");
    }

    @ParameterizedTest
    @EnumSource(value = Reply.class, names = {"INSZ_CANCELLED", "INSZ_UNKNOWN", "INSZ_REPLACED"})
    void a_cancelled_unknown_or_replaced_number_is_review_insz_not_usable(Reply kind) {
        PlatformCannotDecideException e = review(replying(kind));

        assertThat(e.reason()).isEqualTo(ReviewReason.INSZ_NOT_USABLE);
        assertThat(e.platformCodes()).singleElement().isIn("30002", "30003", "30004");
    }

    @Test
    void an_unregistered_number_is_review_insz_not_usable() {
        assertThat(review(Personas.unknownInsz()).platformCodes()).containsExactly("30003");
    }

    @Test
    void a_status_next_to_a_result_leaves_the_answer_standing_with_its_code_as_a_warning() throws Exception {
        StatusAnswer answer = client.ask(replying(Reply.STATUS_WARNING), TIER, DATE);

        assertThat(answer.applicable()).containsExactlyInAnyOrderElementsOf(TIER);
        assertThat(answer.warnings()).containsExactly("SSH00047");
    }

    @Test
    void an_uitzondering_waarschuwing_leaves_the_answer_standing_with_its_code_as_a_warning() throws Exception {
        simulator.faults().waarschuwing(1);

        StatusAnswer answer = client.ask(Personas.increasedAllowance().insz(), TIER, DATE);

        assertThat(answer.applicable()).containsExactly("BIM_BVT");
        assertThat(answer.warnings()).containsExactly("99998");
    }

    @Test
    void an_answer_about_another_insz_is_unknown_mismatched_and_logged_once_without_any_insz() {
        Insz asked = replying(Reply.OTHER_INSZ);
        Logger logger = (Logger) LoggerFactory.getLogger(MagdaClient.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            PlatformUnavailableException e = unknown(asked);

            assertThat(e.reason()).isEqualTo(PlatformUnavailableException.Reason.MISMATCHED_REPLY);
            assertThat(e.reason().code()).isEqualTo("MISMATCHED_REPLY");
        } finally {
            logger.detachAppender(appender);
        }
        List<ILoggingEvent> errors = appender.list.stream().filter(l -> l.getLevel() == Level.ERROR).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getFormattedMessage()).doesNotContain(asked.digits()).doesNotContain(Personas.unknownInsz().digits());
    }

    @Test
    void an_answer_to_another_question_is_unknown_mismatched() {
        assertThat(unknown(replying(Reply.WRONG_REFERENCE)).reason()).isEqualTo(PlatformUnavailableException.Reason.MISMATCHED_REPLY);
    }

    @Test
    void any_other_uitzondering_fout_is_unknown_platform_error() {
        simulator.faults().uitzondering(1);

        PlatformUnavailableException e = unknown(Personas.increasedAllowance().insz());

        assertThat(e.reason()).isEqualTo(PlatformUnavailableException.Reason.UITZONDERING);
        assertThat(e.reason().code()).isEqualTo("PLATFORM_ERROR");
    }

    @Test
    void a_malformed_body_is_unknown_malformed_reply() {
        simulator.faults().malformedReply(1);

        assertThat(unknown(Personas.increasedAllowance().insz()).reason().code()).isEqualTo("MALFORMED_REPLY");
    }

    @Test
    void an_http_5xx_is_unknown_platform_unavailable() {
        simulator.faults().http500(1);

        assertThat(unknown(Personas.increasedAllowance().insz()).reason().code()).isEqualTo("PLATFORM_UNAVAILABLE");
    }
}
