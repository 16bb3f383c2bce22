package be.proactief.function.voucherissuer.roster;

import be.proactief.core.insz.Insz;
import be.proactief.core.voucher.HouseholdRoster;
import be.proactief.core.voucher.RosterEntry;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The roster from the city's population register service, paged JSON over HTTPS:
 * {@code GET <url>?pageSize=500[&pageToken=…]} answers
 * {@code {"households":[{"householdId":…,"members":[{"insz":…}],"size":…,"zone":…,"wastePassId":…}],"nextPageToken":"…"|null}}.
 * An optional bearer token ({@code PROACTIEF_ROSTER_TOKEN}) is sent as {@code Authorization}.
 * Timeouts, and up to three attempts on a connection failure, 429 or 5xx; any other status fails the run.
 * Nothing of a response body is logged.
 */
public final class HttpHouseholdRoster implements HouseholdRoster {

    private static final Logger LOG = LoggerFactory.getLogger(HttpHouseholdRoster.class);
    private static final int ATTEMPTS = 3;

    private final URI url;
    private final int pageSize;
    private final String bearerToken;
    private final JsonMapper json;
    private final HttpClient http;
    private final Duration backoff;

    public HttpHouseholdRoster(URI url, int pageSize, String bearerToken, JsonMapper json, Duration backoff) {
        if (pageSize < 1) throw new IllegalArgumentException("pageSize must be positive");
        this.url = url;
        this.pageSize = pageSize;
        this.bearerToken = bearerToken;
        this.json = json;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Page page(String pageToken) {
        URI uri = pageUri(pageToken);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET();
        if (bearerToken != null) request.header("Authorization", "Bearer " + bearerToken);
        String problem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) return parse(response.body());
                problem = "HTTP " + status;
                if (status != 429 && status < 500) break;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the roster");
            }
            if (attempt < ATTEMPTS) {
                LOG.warn("roster page {} failed ({}), attempt {} of {}", pageToken == null ? "1" : pageToken, problem, attempt, ATTEMPTS);
                sleep(backoff.multipliedBy(attempt));
            }
        }
        throw new IllegalStateException("roster service " + url.getHost() + " did not give page " + (pageToken == null ? "1" : "'" + pageToken + "'")
                + ": " + problem);
    }

    private Page parse(byte[] body) {
        JsonNode page;
        try {
            page = json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            page = null;
        }
        JsonNode list = page == null || !page.isObject() ? null : page.get("households");
        if (list == null || !list.isArray()) {
            throw new IllegalStateException("roster service " + url.getHost() + " answered with a page that is not {\"households\":[…],\"nextPageToken\":…}");
        }
        List<RosterEntry> households = new ArrayList<>(list.size());
        int unreadable = 0;
        for (JsonNode node : list.values()) {
            try {
                households.add(RosterJson.entry(json, node));
            } catch (RosterJson.UnreadableHouseholdException e) {
                unreadable++;
                LOG.warn("roster entry is not a household: {}", Insz.redact(e.getMessage()));
            }
        }
        JsonNode token = page.get("nextPageToken");
        String next = token == null || !token.isString() || token.getStringValue().isBlank() ? null : token.getStringValue();
        return new Page(households, unreadable, next);
    }

    URI pageUri(String pageToken) {
        String base = url.toString();
        StringBuilder q = new StringBuilder(base).append(base.contains("?") ? '&' : '?').append("pageSize=").append(pageSize);
        if (pageToken != null) q.append("&pageToken=").append(URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
        return URI.create(q.toString());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
