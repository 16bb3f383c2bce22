package be.proactief.function.checkapi;

import be.proactief.testkit.EmbeddedMetricFormat;
import be.proactief.testkit.LogCapture;
import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;
import be.proactief.testkit.magda.Reply;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hourly review watch counts the open review cases and the oldest one's wait, as the metrics its alarm reads. */
class ReviewWatchHandlerTest {

    @Test
    void it_counts_the_open_cases_and_how_long_the_oldest_has_waited() throws Exception {
        Persona review = Personas.replying(Reply.PERSON_STATUS);
        try (CheckApiStack stack = new CheckApiStack(); ApplicationContext context = stack.context()) {
            stack.magda.register(review);
            ReviewWatchHandler watch = new ReviewWatchHandler(context);
            ReviewWatchHandler.Backlog none = watch.handleRequest(new ReviewWatchHandler.Tick(null), new LocalLambdaContext("watch-1"));
            assertThat(none.openReviewCases()).isZero();
            assertThat(none.oldestWaitSeconds()).isZero();

            CheckApiHandler api = new CheckApiHandler(context);
            Events events = new Events(context);
            assertThat(api.handleRequest(events.load("check.json", Map.of("INSZ", review.insz().digits())), new LocalLambdaContext("check-1"))
                    .getBody()).contains("\"outcome\":\"REVIEW\"");
            Thread.sleep(1100);
            List<String> metrics;
            ReviewWatchHandler.Backlog one;
            try (LogCapture logs = new LogCapture()) {
                one = watch.handleRequest(new ReviewWatchHandler.Tick("2026-12-02T03:00:00Z"), new LocalLambdaContext("watch-2"));
                metrics = logs.lines("metrics");
            }
            assertThat(one.openReviewCases()).isEqualTo(1);
            assertThat(one.oldestOpenedAt()).isNotNull();
            assertThat(one.oldestWaitSeconds()).isGreaterThanOrEqualTo(1);
            assertThat(metrics).singleElement().satisfies(line -> assertThat(EmbeddedMetricFormat.parse(line))
                    .containsEntry("OpenReviewCases", 1).containsKey("OldestOpenReviewCaseAge"));
            assertThat(metrics.get(0)).contains("{\"Name\":\"OldestOpenReviewCaseAge\",\"Unit\":\"Seconds\"}");
        }
    }
}
