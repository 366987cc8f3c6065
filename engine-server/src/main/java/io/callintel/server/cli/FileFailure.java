package io.callintel.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.audio.AudioDecodeException;
import java.util.Locale;

/** How a file that could not be processed is reported in JSON Lines: {@code error} for people, {@code problem} for programs. */
final class FileFailure {

    private FileFailure() {}

    static void put(ObjectNode node, String file, Exception failure) {
        switch (failure) {
            case AudioDecodeException decode -> {
                node.put("error", decode.getMessage());
                node.put("problem", decode.problem().name().toLowerCase(Locale.ROOT));
            }
            case IllegalArgumentException bad -> {
                node.put("error", bad.getMessage());
                node.put("problem", "bad_request");
            }
            case InterruptedException interrupted -> {
                Thread.currentThread().interrupt();
                node.put("error", file + ": interrupted");
                node.put("problem", "interrupted");
            }
            default -> {
                node.put("error", file + ": " + failure);
                node.put("problem", "internal");
            }
        }
    }
}
