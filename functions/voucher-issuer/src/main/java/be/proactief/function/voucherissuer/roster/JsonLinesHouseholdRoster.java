package be.proactief.function.voucherissuer.roster;

import be.proactief.core.insz.Insz;
import be.proactief.core.voucher.HouseholdRoster;
import be.proactief.core.voucher.RosterEntry;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The roster as a JSON-lines file, one household per line (the local run; the format of
 * {@code SyntheticCity.writeJsonLines}). Blank lines are skipped; a line that is not a household
 * is logged (line number and reason, never its content) and counted as unreadable. Pages are
 * {@code pageSize} lines; the page token is the line number to go on from.
 */
public final class JsonLinesHouseholdRoster implements HouseholdRoster {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesHouseholdRoster.class);

    private final Path file;
    private final int pageSize;
    private final JsonMapper json;
    private BufferedReader reader;
    private long nextLine;

    public JsonLinesHouseholdRoster(Path file, int pageSize, JsonMapper json) {
        if (pageSize < 1) throw new IllegalArgumentException("pageSize must be positive");
        this.file = file;
        this.pageSize = pageSize;
        this.json = json;
    }

    @Override
    public synchronized Page page(String pageToken) {
        long from = pageToken == null ? 0 : Long.parseLong(pageToken);
        try {
            position(from);
            List<RosterEntry> households = new ArrayList<>(pageSize);
            int unreadable = 0;
            int lines = 0;
            String line = null;
            while (lines < pageSize && (line = reader.readLine()) != null) {
                lines++;
                nextLine++;
                if (line.isBlank()) continue;
                try {
                    JsonNode node = json.readValue(line, JsonNode.class);
                    households.add(RosterJson.entry(json, node));
                } catch (IOException | RosterJson.UnreadableHouseholdException e) {
                    unreadable++;
                    LOG.warn("roster file {} line {} is not a household: {}", file.getFileName(), nextLine,
                            e instanceof RosterJson.UnreadableHouseholdException ? Insz.redact(e.getMessage()) : "not JSON");
                }
            }
            boolean more = line != null && peekMore();
            if (!more) close();
            return new Page(households, unreadable, more ? Long.toString(nextLine) : null);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot read roster file " + file + ": " + Insz.redact(e.getMessage()), e);
        }
    }

    private void position(long line) throws IOException {
        if (reader == null || nextLine != line) {
            close();
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            nextLine = 0;
            while (nextLine < line && reader.readLine() != null) nextLine++;
        }
    }

    private boolean peekMore() throws IOException {
        reader.mark(1);
        boolean more = reader.read() != -1;
        reader.reset();
        return more;
    }

    private void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only
            }
            reader = null;
        }
    }
}
