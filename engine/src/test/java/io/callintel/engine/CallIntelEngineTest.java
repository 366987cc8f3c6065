package io.callintel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.transcript.Transcript;
import io.callintel.testing.CallFormat;
import io.callintel.testing.Dialogues;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library facade, including the README's example, compiled and run exactly as printed there. */
class CallIntelEngineTest {

    private static final Path EXAMPLE = Path.of("src/test/java/io/callintel/engine/LibraryExample.java");

    @Test
    void theReadmeShowsExactlyTheExampleThatIsTested() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String marker = "<!-- the library example: engine/src/test/java/io/callintel/engine/LibraryExample.java -->";
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "the README marks its library example");
        int start = readme.indexOf("```java\n", at) + "```java\n".length();
        String shown = readme.substring(start, readme.indexOf("```", start));
        assertEquals(Files.readString(EXAMPLE), shown, "README and LibraryExample.java must be the same code");
    }

    @Test
    void theReadmeExampleRuns(@TempDir Path dir) throws Exception {
        Path call = Dialogues.generate(Dialogues.LOAN_SALES, CallFormat.STEREO_16K, dir)
                .file();
        Method main = Class.forName("LibraryExample").getMethod("main", String[].class);
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[] {call.toString()});
        } finally {
            System.setOut(console);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("SPEAKER_1 (agent)") || output.contains("SPEAKER_2 (agent)"), output);
        assertTrue(output.contains("(customer)"), output);
        assertTrue(output.matches("(?s).*loan offer\\? \\(Yes/No\\) -> (Yes|No|Unclear).*"), output);
        assertTrue(output.matches("(?s).*Bucket: (Hot Lead|Warm Lead|Not Clear)\\s*"), output);
    }

    @Test
    void streamsAndPcmGiveTheSameTranscriptAsTheFile(@TempDir Path dir) throws Exception {
        Path call = Dialogues.generate(Dialogues.APPOINTMENT, CallFormat.MONO_16K, dir)
                .file();
        try (CallIntelEngine engine = CallIntelEngine.builder().threads(2).build()) {
            Transcript fromFile = engine.transcribe(call);
            Transcript fromStream;
            try (InputStream in = Files.newInputStream(call)) {
                fromStream = engine.transcribe(in, "call.wav");
            }
            byte[] wav = Files.readAllBytes(call);
            Transcript fromPcm = engine.transcribePcm(
                    new java.io.ByteArrayInputStream(Arrays.copyOfRange(wav, 44, wav.length)), 16_000, 1);
            assertEquals(fromFile.text(), fromStream.text());
            assertEquals(fromFile.text(), fromPcm.text());
            assertTrue(fromFile.words().size() > 20, fromFile.text());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> engine.transcribePcm(new java.io.ByteArrayInputStream(new byte[3]), 16_000, 1),
                    "half a frame");
        }
    }

    @Test
    void aClosedEngineSaysSo() {
        CallIntelEngine engine = CallIntelEngine.builder().threads(1).build();
        engine.close();
        engine.close(); // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine.transcribe(Path.of("x.wav")));
        assertEquals("the engine is closed", e.getMessage());
    }
}
