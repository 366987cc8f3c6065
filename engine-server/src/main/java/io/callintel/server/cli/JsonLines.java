package io.callintel.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Standard output as JSON Lines: one compact object per line, flushed at once so a reader sees each result as it comes. */
final class JsonLines {

    private final ObjectMapper mapper;
    private final PrintWriter out;

    JsonLines(ObjectMapper mapper, PrintWriter out) {
        this.mapper = mapper;
        this.out = out;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    void write(ObjectNode node) {
        try {
            // The default printer puts no newline inside an object: strings escape theirs.
            out.println(mapper.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** Plain text instead of an object (a subtitle or text export of one recording). */
    void text(String text) {
        out.print(text);
        out.flush();
    }
}
