package io.callintel.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.audio.FfmpegAudioDecoder;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeOptions;
import io.callintel.core.audio.MediaInfo;
import io.callintel.core.audio.PcmStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialoguesTest {

    private static final AudioDecoder DECODER = new FfmpegAudioDecoder();

    @TempDir
    Path directory;

    @Test
    void scriptsAreCallsOfThirtyToSixtySeconds() {
        assertTrue(Dialogues.all().size() >= 4);
        assertTrue(
                Dialogues.all().stream().anyMatch(d -> d.lines().getFirst().speaker() == 1),
                "a call the customer opens");
        for (Dialogue dialogue : Dialogues.all()) {
            SynthesizedCall call = Dialogues.generate(dialogue, CallFormat.MONO_16K, directory);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%-13s %5.1f s, %d turns%n",
                    dialogue.name(),
                    call.duration(),
                    call.turns().size());
            assertTrue(call.duration() >= 30 && call.duration() <= 60, dialogue.name() + ": " + call.duration() + " s");
            List<ReferenceTurn> turns = call.turns();
            assertEquals(dialogue.lines().size(), turns.size());
            assertEquals(0.5, turns.getFirst().start(), 1e-9);
            for (int i = 0; i < turns.size(); i++) {
                assertEquals(dialogue.lines().get(i).speaker(), turns.get(i).speaker());
                assertEquals(dialogue.lines().get(i).text(), turns.get(i).text());
                assertTrue(turns.get(i).duration() > 0.3, turns.get(i).toString());
                if (i > 0) {
                    double pause = turns.get(i).start() - turns.get(i - 1).end();
                    assertTrue(pause >= 0.3 - 1e-6 && pause <= 1.0 + 1e-6, dialogue.name() + " pause " + pause);
                }
            }
            assertTrue(turns.getLast().end() < call.duration());
        }
    }

    @Test
    void everyFormatDecodesToTheSameTimeline() {
        Dialogue dialogue = Dialogues.CALLBACK;
        for (CallFormat format : CallFormat.values()) {
            SynthesizedCall call = Dialogues.generate(dialogue, format, directory);
            MediaInfo info = DECODER.probe(call.file());
            assertEquals(format.sampleRate, info.sampleRate(), format.name());
            assertEquals(format.channels, info.channels(), format.name());
            assertEquals(format.muLaw ? "pcm_mulaw" : "pcm_s16le", info.codec(), format.name());
            assertEquals(call.duration(), decode(call.file(), DecodeOptions.defaults()).length / 16_000.0, 0.01);
        }
    }

    @Test
    void stereoPutsTheAgentLeftAndTheCustomerRight() {
        SynthesizedCall call = Dialogues.generate(Dialogues.BANK_SUPPORT, CallFormat.STEREO_8K_MULAW, directory);
        short[] left = decode(call.file(), DecodeOptions.channel(0));
        short[] right = decode(call.file(), DecodeOptions.channel(1));
        for (ReferenceTurn turn : call.turns()) {
            double agent = rms(left, turn);
            double customer = rms(right, turn);
            if (turn.speaker() == 0) {
                assertTrue(agent > 300 && customer < 10, turn + ": " + agent + " / " + customer);
            } else {
                assertTrue(customer > 300 && agent < 10, turn + ": " + agent + " / " + customer);
            }
        }
    }

    @Test
    void generationIsDeterministic() throws IOException {
        Dialogue dialogue = Dialogue.call("tiny")
                .agent("Good morning, how can I help?")
                .customer("Hello, I have a question.")
                .build();
        Path first = RenderedDialogue.render(dialogue)
                .write(CallFormat.MONO_8K_MULAW, directory.resolve("a.wav"))
                .file();
        Path second = RenderedDialogue.render(dialogue)
                .write(CallFormat.MONO_8K_MULAW, directory.resolve("b.wav"))
                .file();
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void muLawRoundTrips() {
        for (int pcm = -32768; pcm <= 32767; pcm += 7) {
            short decoded = Wav.MuLaw.decode(Wav.MuLaw.encode((short) pcm));
            // G.711 keeps about 13 bits: the error grows with the magnitude, up to half a step of 1/16 of it.
            assertTrue(
                    Math.abs(decoded - Math.max(-32635, Math.min(32635, pcm))) <= Math.max(8, Math.abs(pcm) / 16),
                    pcm + " -> " + decoded);
        }
    }

    private static short[] decode(Path file, DecodeOptions options) {
        short[] all = new short[16_000 * 70];
        int total = 0;
        try (PcmStream pcm = DECODER.open(file, options)) {
            int n;
            while ((n = pcm.read(all, total, Math.min(4096, all.length - total))) > 0) {
                total += n;
            }
        }
        return java.util.Arrays.copyOf(all, total);
    }

    private static double rms(short[] pcm, ReferenceTurn turn) {
        int from = (int) (turn.start() * 16_000);
        int to = Math.min(pcm.length, (int) (turn.end() * 16_000));
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
