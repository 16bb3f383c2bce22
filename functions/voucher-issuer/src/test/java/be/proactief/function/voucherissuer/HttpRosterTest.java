package be.proactief.function.voucherissuer;

import be.proactief.core.voucher.HouseholdRoster;
import be.proactief.core.voucher.RosterEntry;
import be.proactief.function.voucherissuer.roster.HttpHouseholdRoster;
import be.proactief.testkit.city.SyntheticCity;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The population register's paged household service, played by a JDK HTTP server on loopback. */
class HttpRosterTest {

    private final SyntheticCity city = SyntheticCity.generate(23, VoucherRunScenarioTest.SEED);
    private final List<String> lines = city.toJsonLines().lines().toList();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/population/v1/households", this::page);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/population/v1/households");
    }

    /** {@code ?pageSize=N&pageToken=offset} → {"households":[…],"nextPageToken":…}; one malformed entry on the first page. */
    private void page(HttpExchange x) throws IOException {
        requests.add(x.getRequestURI().getQuery() + " auth=" + x.getRequestHeaders().getFirst("Authorization"));
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            x.sendResponseHeaders(503, -1);
            x.close();
            return;
        }
        Map<String, String> q = new java.util.HashMap<>();
        for (String kv : x.getRequestURI().getQuery().split("&")) q.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        int size = Integer.parseInt(q.get("pageSize"));
        int from = q.containsKey("pageToken") ? Integer.parseInt(q.get("pageToken").substring(1)) : 0;
        int to = Math.min(lines.size(), from + size);
        List<String> page = new ArrayList<>(lines.subList(from, to));
        if (from == 0) page.add("\"not a household\"");
        String next = to < lines.size() ? "\"p" + to + "\"" : "null";
        byte[] body = ("{\"households\":[" + String.join(",", page) + "],\"nextPageToken\":" + next + ",\"total\":" + lines.size() + "}")
                .getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Test
    void the_roster_is_read_page_by_page_with_the_token_and_retried_on_a_server_error() {
        JsonMapper json = JsonMapper.createDefault();
        HttpHouseholdRoster roster = new HttpHouseholdRoster(url(), 10, "secret-token", json, Duration.ofMillis(1));
        List<RosterEntry> all = new ArrayList<>();
        int unreadable = 0;
        String token = null;
        failNext.set(1);
        do {
            HouseholdRoster.Page p = roster.page(token);
            all.addAll(p.households());
            unreadable += p.unreadable();
            token = p.nextPageToken();
        } while (token != null);

        assertThat(all).hasSize(23);
        assertThat(all.get(0).householdId()).isEqualTo(city.households().get(0).householdId());
        assertThat(all.get(22).members()).hasSize(city.households().get(22).size());
        assertThat(unreadable).isEqualTo(1);
        assertThat(requests).containsExactly("pageSize=10 auth=Bearer secret-token", "pageSize=10 auth=Bearer secret-token",
                "pageSize=10&pageToken=p10 auth=Bearer secret-token", "pageSize=10&pageToken=p20 auth=Bearer secret-token");
    }

    @Test
    void a_roster_service_that_keeps_failing_stops_the_run_with_a_clear_error() {
        HttpHouseholdRoster roster = new HttpHouseholdRoster(url(), 10, null, JsonMapper.createDefault(), Duration.ofMillis(1));
        failNext.set(5);
        assertThatThrownBy(() -> roster.page(null)).hasMessage("roster service 127.0.0.1 did not give page 1: HTTP 503");
        assertThat(requests).hasSize(3);
    }

    @Test
    void the_run_handler_reads_the_roster_from_the_configured_url() {
        try (VoucherEnv env = new VoucherEnv(Map.of("proactief.roster.url", url().toString(), "proactief.roster.page.size", "7"))) {
            RunResult r = env.run("2026", "yearly");
            assertThat(r.householdsRead()).isEqualTo(23);
            assertThat(r.unreadable()).isEqualTo(1);
            assertThat(env.approximateMessages(env.workQueue())).isEqualTo(23);
        }
    }
}
