package io.callintel.asr.vosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * A Vosk acoustic and language model, loaded once per process and shared by every recognizer.
 * Closing it frees the native model; close it only after every recognizer made from it.
 */
public final class VoskModel implements AutoCloseable {

    private static volatile boolean logConfigured;

    private final Path directory;
    private final Model model;

    private VoskModel(Path directory, Model model) {
        this.directory = directory;
        this.model = model;
    }

    /** Loads the model in {@code directory} (the folder holding {@code am/}, {@code conf/}, {@code graph/}). */
    public static VoskModel load(Path directory) {
        if (!Files.isRegularFile(directory.resolve("am/final.mdl")) || !Files.isDirectory(directory.resolve("conf"))) {
            throw new IllegalArgumentException(directory + " is not a Vosk model directory (no am/final.mdl or conf/)");
        }
        quietNativeLog();
        try {
            return new VoskModel(directory, new Model(directory.toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Vosk could not load the model in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Kaldi logs every model load and utterance to stderr; warnings and errors are enough. */
    private static void quietNativeLog() {
        if (!logConfigured) {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            logConfigured = true;
        }
    }

    public Path directory() {
        return directory;
    }

    /** A new recognizer for 16 kHz audio; the caller owns it and must close it. */
    VoskRecognizer newRecognizer() {
        return new VoskRecognizer(model);
    }

    /** A new recognizer that hears only the grammar's phrases (Vosk's JSON list); the caller must close it. */
    VoskRecognizer newRecognizer(String grammar) {
        return new VoskRecognizer(model, grammar);
    }

    @Override
    public void close() {
        model.close();
    }
}
