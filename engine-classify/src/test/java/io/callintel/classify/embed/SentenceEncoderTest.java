package io.callintel.classify.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real bundled model (e5-small-v2, quantized), as unpacked by the models module. */
class SentenceEncoderTest {

    /** Tests run from the module directory. */
    static final Path MODEL = Path.of("..", "models", "e5-small-v2-q");

    private static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = SentenceEncoder.load(
                MODEL, EncoderOptions.defaults().withMaxBatch(4).withExact(true));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void vectorsHaveTheModelsSizeAndUnitLength() {
        assertEquals(384, encoder.dimensions());
        float[] vector = encoder.encode("I want to cancel my subscription");
        assertEquals(384, vector.length);
        assertEquals(1.0, SentenceEncoder.cosine(vector, vector), 1e-5);
    }

    @Test
    void sameTextGivesTheSameVector() {
        String text = "Thank you for calling Northwind Bank, how can I help you today?";
        assertArrayEquals(encoder.encode(text), encoder.encode(text));
        assertArrayEquals(
                encoder.encode(List.of(text, "another one"))[0], encoder.encode(List.of(text, "another one"))[0]);
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedText() {
        float[][] vectors = encoder.encode(
                List.of("I want to cancel my subscription", "Please end my membership", "The weather is sunny today"));
        double paraphrase = SentenceEncoder.cosine(vectors[0], vectors[1]);
        double unrelated = SentenceEncoder.cosine(vectors[0], vectors[2]);
        // e5 places all English text within a narrow band of high cosines (unrelated ~0.78): the gap is what counts.
        assertTrue(paraphrase > unrelated + 0.1, "paraphrase " + paraphrase + ", unrelated " + unrelated);
    }

    @Test
    void batchedEqualsOneAtATime() {
        // Ten sentences of very different lengths: several batches of 4, each padded differently.
        List<String> sentences = List.of(
                "yes",
                "I'd like to check my balance please",
                "no",
                "can you tell me why my card was declined at the supermarket yesterday afternoon",
                "thank you",
                "let me check that for you",
                "is there anything else I can help you with today",
                "ok",
                "my account number is one two three four",
                "goodbye");
        float[][] batched = encoder.encode(sentences);
        assertEquals(sentences.size(), batched.length);
        for (int i = 0; i < sentences.size(); i++) {
            assertArrayEquals(encoder.encode(sentences.get(i)), batched[i], 1e-4f, sentences.get(i));
        }
    }

    @Test
    void askedToBeExactTheQuantizedModelRunsOneSentenceAtATime() {
        // Its activations are quantized per tensor, so batch companions would shift a vector (BatchProbe).
        assertEquals(1, encoder.batchSize());
    }

    @Test
    void batchingByDefaultKeepsEachVectorInItsPlace() {
        List<String> sentences = List.of(
                "can you tell me why my card was declined at the supermarket yesterday afternoon",
                "yes",
                "the weather is sunny today",
                "I want to cancel my subscription",
                "my account number is one two three",
                "ok",
                "is there anything else I can help you with today");
        try (SentenceEncoder batching =
                SentenceEncoder.load(MODEL, EncoderOptions.defaults().withMaxBatch(3))) {
            assertEquals(3, batching.batchSize());
            float[][] batched = batching.encode(sentences);
            for (int i = 0; i < sentences.size(); i++) {
                float[] alone = encoder.encode(sentences.get(i));
                // Batch-dependent quantization moves a vector a little (what exact avoids); each vector is
                // still its own sentence's.
                assertTrue(
                        SentenceEncoder.cosine(alone, batched[i]) > 0.9,
                        sentences.get(i) + ": " + SentenceEncoder.cosine(alone, batched[i]));
                for (int j = 0; j < sentences.size(); j++) {
                    if (j != i) {
                        assertTrue(
                                SentenceEncoder.cosine(alone, batched[j]) < SentenceEncoder.cosine(alone, batched[i]));
                    }
                }
            }
        }
    }

    @Test
    void emptyListGivesNoVectors() {
        assertEquals(0, encoder.encode(List.of()).length);
    }

    @Test
    void emptyAndOddTextIsEncoded() {
        for (String text :
                List.of("", "   ", "\uD83D\uDE00 emoji", "\uD800 lone surrogate", "naïve café ÄÖÜ", "\u0000")) {
            float[] vector = encoder.encode(text);
            assertEquals(384, vector.length, text);
        }
    }

    @Test
    void veryLongTextIsTruncatedNotRejected() {
        String sentence = "the customer asked about the late fee on the account and the agent explained it. ";
        String longText = sentence.repeat(2_000); // ~34,000 word pieces
        float[] truncated = encoder.encode(longText);
        // Only the first 256 word pieces count: the same as a text cut well after that point.
        float[] cut = encoder.encode(sentence.repeat(40));
        assertArrayEquals(cut, truncated, 1e-4f);
        assertEquals(1.0, SentenceEncoder.cosine(truncated, truncated), 1e-5);
    }

    @Test
    void concurrentEncodesGiveTheSameVectors() throws Exception {
        List<String> sentences = List.of(
                "I want to cancel my subscription",
                "Please end my membership",
                "The weather is sunny today",
                "can I have your account number please",
                "yes");
        float[][] expected = encoder.encode(sentences);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> encoder.encode(sentences)));
            }
            for (Future<float[][]> result : results) {
                float[][] vectors = result.get();
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], vectors[i], 1e-6f);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nullSentenceIsRefused() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> encoder.encode(withNull));
    }

    @Test
    void djlRunsOffline() {
        // Offline mode is what keeps DJL from telemetry and from downloading a GPU tokenizer library.
        assertTrue(Utils.isOfflineMode());
    }

    @Test
    void missingFilesAreExplained(@TempDir Path empty) throws IOException {
        IllegalArgumentException noDirectory =
                assertThrows(IllegalArgumentException.class, () -> SentenceEncoder.load(empty.resolve("nope")));
        assertTrue(noDirectory.getMessage().contains("does not exist"), noDirectory.getMessage());

        IllegalArgumentException noModel =
                assertThrows(IllegalArgumentException.class, () -> SentenceEncoder.load(empty));
        assertTrue(noModel.getMessage().contains("model.onnx"), noModel.getMessage());

        Files.copy(MODEL.resolve("model.onnx"), empty.resolve("model.onnx"));
        IllegalArgumentException noTokenizer =
                assertThrows(IllegalArgumentException.class, () -> SentenceEncoder.load(empty));
        assertTrue(noTokenizer.getMessage().contains("tokenizer.json"), noTokenizer.getMessage());
    }

    @Test
    void brokenFilesAreExplained(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("model.onnx"), "not a model");
        Files.copy(MODEL.resolve("tokenizer.json"), directory.resolve("tokenizer.json"));
        IllegalArgumentException badModel =
                assertThrows(IllegalArgumentException.class, () -> SentenceEncoder.load(directory));
        assertTrue(badModel.getMessage().contains("not a usable ONNX model"), badModel.getMessage());

        Files.copy(
                MODEL.resolve("model.onnx"),
                directory.resolve("model.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(directory.resolve("tokenizer.json"), "{\"nonsense\": true}");
        IllegalArgumentException badTokenizer =
                assertThrows(IllegalArgumentException.class, () -> SentenceEncoder.load(directory));
        assertTrue(badTokenizer.getMessage().contains("not a usable tokenizer"), badTokenizer.getMessage());
    }

    @Test
    void settingsBesideTheModelChoosePoolingAndPrefix(@TempDir Path directory) throws IOException {
        Files.copy(MODEL.resolve(SentenceEncoder.MODEL_FILE), directory.resolve(SentenceEncoder.MODEL_FILE));
        Files.copy(MODEL.resolve(SentenceEncoder.TOKENIZER_FILE), directory.resolve(SentenceEncoder.TOKENIZER_FILE));
        Files.writeString(directory.resolve(SentenceEncoder.SETTINGS_FILE), "pooling=cls\nprefix=query: \n");
        try (SentenceEncoder cls = SentenceEncoder.load(directory)) {
            float[] plain = encoder.encode("the printer is broken");
            float[] other = cls.encode("the printer is broken");
            assertTrue(SentenceEncoder.cosine(plain, other) < 0.999, "CLS pooling with a prefix gives another vector");
        }
        Files.writeString(directory.resolve(SentenceEncoder.SETTINGS_FILE), "pooling=max\n");
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> SentenceEncoder.load(directory));
        assertTrue(error.getMessage().contains("pooling must be mean or cls"), error.getMessage());
    }

    @Test
    void closedEncoderRefusesWork() {
        SentenceEncoder own = SentenceEncoder.load(MODEL);
        own.close();
        own.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> own.encode("hello"));
    }

    @Test
    void cosineOfDifferentLengthsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SentenceEncoder.cosine(new float[2], new float[3]));
    }
}
