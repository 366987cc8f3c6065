package io.callintel.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * A batch's JSON Lines output file, appended to one finished recording at a time and flushed at
 * once, so an interrupted run (Ctrl-C, kill) loses nothing it finished. Opening it reads which
 * recordings already have a result, so a re-run skips them; failures are tried again. A last line
 * cut short by a kill is ignored (and re-done).
 */
final class ResultsFile implements AutoCloseable {

    private final BufferedWriter writer;
    private final ObjectMapper json;
    private final Set<String> done;

    private ResultsFile(BufferedWriter writer, ObjectMapper json, Set<String> done) {
        this.writer = writer;
        this.json = json;
        this.done = done;
    }

    static ResultsFile open(Path file, ObjectMapper json) throws IOException {
        Set<String> done = new HashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode result = parse(json, line);
                if (result != null && result.hasNonNull("file") && !result.has("error")) {
                    done.add(result.get("file").asText());
                }
            }
            endWithNewline(file);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedWriter writer = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new ResultsFile(writer, json, done);
    }

    /** Whether a recording (by its path as written in the results) already has a result. */
    boolean has(String file) {
        return done.contains(file);
    }

    synchronized void append(JsonNode result) throws IOException {
        writer.write(json.writeValueAsString(result));
        writer.newLine();
        writer.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }

    private static JsonNode parse(ObjectMapper json, String line) {
        try {
            return line.isBlank() ? null : json.readTree(line);
        } catch (JsonProcessingException e) {
            return null; // a line cut short by a kill
        }
    }

    /** A line cut short must not run into the next result. */
    private static void endWithNewline(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            if (raf.length() > 0) {
                raf.seek(raf.length() - 1);
                if (raf.read() != '\n') {
                    raf.seek(raf.length());
                    raf.write('\n');
                }
            }
        }
    }
}
