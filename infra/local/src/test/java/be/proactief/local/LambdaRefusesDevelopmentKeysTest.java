package be.proactief.local;

import be.proactief.function.checkapi.CheckApiHandler;
import be.proactief.function.invoicediscounter.InvoiceDiscounterHandler;
import be.proactief.function.voucherissuer.VoucherWorkHandler;
import be.proactief.testkit.aws.SecretsManagerStandIn;
import be.proactief.testkit.aws.TemplateEnvironment;
import be.proactief.testkit.magda.DevelopmentKeystore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each function that decides, started as Lambda starts it (the handler's no-arg constructor, its settings from the
 * environment, {@code AWS_LAMBDA_FUNCTION_NAME} set) with the local run's development subject key, refuses to start,
 * naming the setting; everything else it needs is as on AWS (the keystore from its secret, an https platform).
 */
class LambdaRefusesDevelopmentKeysTest {

    static SecretsManagerStandIn secrets;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path keystore = DevelopmentKeystore.generate(dir.resolve("city.p12"), "gent.be proactief");
        secrets = new SecretsManagerStandIn().put("proactief/magda-keystore", "{\"pkcs12\":\"" + Base64.getEncoder().encodeToString(Files.readAllBytes(keystore))
                + "\",\"password\":\"" + DevelopmentKeystore.PASSWORD + "\"}");
    }

    @AfterAll
    static void stop() {
        secrets.close();
    }

    static Map<String, Object> asOnLambda(String function) {
        Map<String, Object> p = new HashMap<>();
        p.put("aws.lambda.function.name", "proactief-" + function);
        p.put("proactief.dev.subject.key", LocalRun.DEV_SUBJECT_KEY);
        p.put("proactief.magda.keystore.secret", "proactief/magda-keystore");
        p.put("proactief.secretsmanager.endpoint", secrets.endpoint().toString());
        p.put("magda.endpoint", "https://127.0.0.1:9/GeefSociaalStatuutDienst-03.00/soap/WebService");
        p.put("magda.sender.id", "kb.vlaanderen.be/aiv/gent");
        p.put("magda.hoedanigheid", "1303");
        p.put("proactief.dynamodb.endpoint", "http://127.0.0.1:9");
        p.put("proactief.sqs.endpoint", "http://127.0.0.1:9");
        p.put("proactief.review.resolutions.queue.url", "http://127.0.0.1:9/000000000000/review-resolutions");
        p.put("proactief.discounted.invoices.queue.url", "http://127.0.0.1:9/000000000000/discounted-invoices");
        p.put("proactief.invoices.dlq.url", "http://127.0.0.1:9/000000000000/invoices-dlq");
        p.put("proactief.vouchers.queue.url", "http://127.0.0.1:9/000000000000/vouchers");
        p.put("proactief.voucher.work.dlq.url", "http://127.0.0.1:9/000000000000/voucher-work-dlq");
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"check-api", "invoice-discounter", "voucher-work"})
    void a_function_on_lambda_refuses_the_development_subject_key(String function) {
        Supplier<AutoCloseable> start = switch (function) {
            case "check-api" -> CheckApiHandler::new;
            case "invoice-discounter" -> InvoiceDiscounterHandler::new;
            default -> VoucherWorkHandler::new;
        };
        Throwable refused = catchThrowable(() -> TemplateEnvironment.withSystemProperties(asOnLambda(function), () -> {
            try (AutoCloseable started = start.get()) {
                return started;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(refused).as(function + " started with the development key").isNotNull();
        assertThat(messages(refused)).contains("PROACTIEF_DEV_SUBJECT_KEY is for local runs").contains("AWS_LAMBDA_FUNCTION_NAME=proactief-" + function);
    }

    @org.junit.jupiter.api.Test
    void check_api_on_lambda_refuses_the_local_runs_token_key() {
        Map<String, Object> settings = asOnLambda("check-api");
        settings.remove("proactief.dev.subject.key");
        settings.put("proactief.subject.keys.secret", "proactief/subject-keys");
        secrets.put("proactief/subject-keys", "{\"uitpas-kansentarief\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\",\"school-discount\":\""
                + Base64.getEncoder().encodeToString(new byte[32]) + "\",\"waste-bags\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\"}");
        settings.put("proactief.dev.jwt.key", LocalRun.DEV_JWT_KEY);
        Throwable refused = catchThrowable(() -> TemplateEnvironment.withSystemProperties(settings, () -> {
            try (CheckApiHandler started = new CheckApiHandler()) {
                return started;
            }
        }));
        assertThat(messages(refused)).contains("PROACTIEF_DEV_JWT_KEY is for local runs");
    }

    /** The messages of a start failure and its causes, one per line. */
    static String messages(Throwable refused) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) chain.append(t.getMessage()).append('\n');
        return chain.toString();
    }
}
