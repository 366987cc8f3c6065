package io.callintel.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.audio.AudioDecodeException.Problem;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DecodeReport;
import io.callintel.core.audio.MediaInfo;
import io.callintel.core.audio.PcmStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Demux, decode and resample, one frame at a time, as the caller reads. Damaged packets are
 * skipped and counted so that the decodable rest of a recording still comes out; a file that
 * yields nothing at all fails with a typed error at the end.
 */
final class FfmpegPcmStream implements PcmStream {

    private final FfmpegInput input;
    private final AVCodecContext codec;
    private final AVPacket packet;
    private final AVFrame frame;
    private final Resampler resampler;
    private final long stallNanos;
    private final long sampleLimit;
    private final double timeBase;

    /** Timeline jumps shorter than this are codec framing, not lost data. */
    private static final long MIN_GAP = AudioDecoder.SAMPLE_RATE / 4;
    /** Larger jumps are broken timestamps rather than lost audio: nobody loses an hour mid-call. */
    private static final long MAX_GAP = AudioDecoder.SAMPLE_RATE * 3600L;

    private static final int MAX_DRAIN_ERRORS = 16;

    private int damagedPackets;
    private String firstDamage;
    private String readError;
    private long samples;
    private long silencePending;
    private long missingSamples;
    private long firstGapAt = -1;
    private long firstTimestamp = AV_NOPTS_VALUE;
    private boolean draining;
    private int drainErrors;
    private boolean finished;
    private boolean closed;
    private DecodeReport finalReport;

    FfmpegPcmStream(FfmpegInput input, int channel) {
        this.input = input;
        this.stallNanos = input.stallTimeout().toNanos();
        MediaInfo info = input.info();
        if (channel >= info.channels()) {
            throw new AudioDecodeException(
                    Problem.BAD_CHANNEL,
                    input.name() + ": channel " + channel + " requested but the recording has " + info.channels()
                            + " channel(s)");
        }
        discardOtherStreams();
        this.codec = openCodec(input);
        this.packet = av_packet_alloc();
        this.frame = av_frame_alloc();
        this.resampler = new Resampler(AudioDecoder.SAMPLE_RATE, channel);
        this.sampleLimit = presentationLimit(info);
        var base = input.audioStream().time_base();
        this.timeBase = base.den() > 0 ? base.num() / (double) base.den() : 0;
    }

    /**
     * MP4-family files state their exact playing time in an edit list, but FFmpeg trims only the
     * encoder priming at the start, not the padding of the last AAC frame (up to 64 ms of silence).
     * There the declared duration is exact, so output stops at it. Elsewhere it may be an estimate.
     */
    private static long presentationLimit(MediaInfo info) {
        boolean isoMedia = switch (info.format()) {
            case "mp4", "m4a", "mov", "3gp" -> true;
            default -> false;
        };
        if (!isoMedia || Double.isNaN(info.durationSeconds()) || info.durationSeconds() <= 0) {
            return Long.MAX_VALUE;
        }
        return Math.round(info.durationSeconds() * AudioDecoder.SAMPLE_RATE);
    }

    private void discardOtherStreams() {
        for (int i = 0; i < input.context().nb_streams(); i++) {
            if (i != input.audioIndex()) {
                input.context().streams(i).discard(AVDISCARD_ALL);
            }
        }
    }

    private static AVCodecContext openCodec(FfmpegInput input) {
        AVCodecContext codec = avcodec_alloc_context3(input.decoder());
        int result = avcodec_parameters_to_context(codec, input.audioStream().codecpar());
        if (result >= 0) {
            codec.pkt_timebase(input.audioStream().time_base());
            codec.thread_count(1); // one call = one core; parallelism comes from decoding several calls at once
            result = avcodec_open2(codec, input.decoder(), (AVDictionary) null);
        }
        if (result < 0) {
            avcodec_free_context(codec);
            throw new AudioDecodeException(
                    Problem.UNSUPPORTED_CODEC,
                    input.name() + ": cannot open the " + input.info().codec() + " decoder: "
                            + Ffmpeg.describe(result));
        }
        return codec;
    }

    @Override
    public int read(short[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (closed) {
            throw new IllegalStateException("stream is closed");
        }
        if (length == 0) {
            return 0;
        }
        while (silencePending == 0 && resampler.pending() == 0) {
            if (finished) {
                return -1;
            }
            decodeMore();
        }
        if (samples >= sampleLimit) {
            if (!finished) {
                finish(samples); // only container padding is left
            }
            return -1;
        }
        int room = (int) Math.min(length, sampleLimit - samples);
        int taken;
        if (silencePending > 0) {
            taken = (int) Math.min(room, silencePending);
            java.util.Arrays.fill(buffer, offset, offset + taken, (short) 0);
            silencePending -= taken;
        } else {
            taken = resampler.take(buffer, offset, room);
        }
        samples += taken;
        return taken;
    }

    /** Runs FFmpeg until some PCM is pending or the input is exhausted, within the stall timeout. */
    private void decodeMore() {
        long deadline = System.nanoTime() + stallNanos;
        Ffmpeg.Deadline.arm(deadline);
        try {
            while (resampler.pending() == 0 && silencePending == 0 && !finished) {
                if (System.nanoTime() - deadline > 0) {
                    throw stalled();
                }
                int received = avcodec_receive_frame(codec, frame);
                if (received >= 0) {
                    fillGapBefore(frame);
                    resampler.convert(frame);
                    av_frame_unref(frame);
                } else if (received == AVERROR_EOF) {
                    resampler.flush();
                    finish(Math.min(sampleLimit, samples + silencePending + resampler.pending()));
                } else if (received == Ffmpeg.AVERROR_EAGAIN) {
                    feedPacket();
                } else {
                    damaged(received); // a corrupt frame: skip it and go on with the next packet
                    if (draining && ++drainErrors > MAX_DRAIN_ERRORS) {
                        finish(samples); // a decoder that only fails while draining has nothing left to give
                    } else {
                        feedPacket();
                    }
                }
            }
        } finally {
            Ffmpeg.Deadline.disarm();
        }
    }

    /**
     * When damaged data was dropped, the next frame's timestamp lies ahead of the samples produced
     * so far. Silence fills the hole so that every later timestamp still matches the recording.
     * Called only when nothing is pending, so {@code samples} is everything produced so far.
     */
    private void fillGapBefore(AVFrame decoded) {
        long timestamp = decoded.best_effort_timestamp();
        if (timestamp == AV_NOPTS_VALUE || timeBase == 0) {
            return;
        }
        if (firstTimestamp == AV_NOPTS_VALUE) {
            firstTimestamp = timestamp;
        }
        long expected = Math.round((timestamp - firstTimestamp) * timeBase * AudioDecoder.SAMPLE_RATE);
        long gap = expected - samples;
        if (gap >= MIN_GAP && gap <= MAX_GAP) {
            silencePending = gap;
            missingSamples += gap;
            if (firstGapAt < 0) {
                firstGapAt = samples;
            }
        }
    }

    private void feedPacket() {
        if (draining) {
            return; // the decoder holds the last frames; receive_frame will end with EOF
        }
        int read = av_read_frame(input.context(), packet);
        if (read == AVERROR_EXIT) {
            throw stalled();
        }
        if (read < 0) {
            if (read != AVERROR_EOF) {
                readError = input.readFailure() != null ? input.readFailure().getMessage() : Ffmpeg.describe(read);
            }
            draining = true;
            avcodec_send_packet(codec, null);
            return;
        }
        try {
            if (packet.stream_index() == input.audioIndex()) {
                int sent = avcodec_send_packet(codec, packet);
                if (sent < 0 && sent != Ffmpeg.AVERROR_EAGAIN) {
                    damaged(sent);
                }
            }
        } finally {
            av_packet_unref(packet);
        }
    }

    private void damaged(int error) {
        damagedPackets++;
        if (firstDamage == null) {
            firstDamage = Ffmpeg.describe(error);
        }
    }

    private AudioDecodeException stalled() {
        return new AudioDecodeException(
                Problem.TIMEOUT,
                input.name() + ": decoding made no progress for "
                        + input.stallTimeout().toMillis() + " ms after " + seconds(samples) + " s of audio; gave up");
    }

    /** Settles the final report, and fails when the whole file yielded no audio at all. */
    private void finish(long produced) {
        finished = true;
        double declared = input.info().durationSeconds();
        double decoded = produced / (double) AudioDecoder.SAMPLE_RATE;
        boolean truncated =
                readError != null || (!Double.isNaN(declared) && decoded < declared - Math.max(0.5, declared * 0.02));
        List<String> problems = new ArrayList<>();
        if (damagedPackets > 0) {
            problems.add(damagedPackets + " damaged packet(s) skipped (first: " + firstDamage + ")");
        }
        if (missingSamples > 0) {
            problems.add(seconds(missingSamples) + " s of missing or damaged audio filled with silence (first gap at "
                    + seconds(firstGapAt) + " s)");
        }
        if (readError != null) {
            problems.add("reading stopped early: " + readError);
        } else if (truncated) {
            problems.add("decoded " + seconds(produced) + " s of the "
                    + String.format(java.util.Locale.ROOT, "%.3f", declared)
                    + " s the header declares: the file is truncated or damaged");
        }
        finalReport = new DecodeReport(produced, damagedPackets, missingSeconds(), truncated, problems);
        if (produced == 0) {
            if (damagedPackets > 0) {
                throw new AudioDecodeException(
                        Problem.CORRUPT, input.name() + ": no decodable audio (" + problems.get(0) + ")");
            }
            if (truncated) {
                throw new AudioDecodeException(
                        Problem.CORRUPT,
                        input.name() + ": no audio samples: the header declares "
                                + String.format(java.util.Locale.ROOT, "%.3f", declared)
                                + " s but the data is missing (truncated)");
            }
            throw new AudioDecodeException(
                    Problem.NO_AUDIO,
                    input.name() + ": the " + input.info().format() + " file contains no audio samples");
        }
    }

    private double missingSeconds() {
        return missingSamples / (double) AudioDecoder.SAMPLE_RATE;
    }

    private static String seconds(long samples) {
        return String.format(java.util.Locale.ROOT, "%.3f", samples / (double) AudioDecoder.SAMPLE_RATE);
    }

    @Override
    public MediaInfo info() {
        return input.info();
    }

    @Override
    public DecodeReport report() {
        if (finalReport != null) {
            return new DecodeReport(
                    samples,
                    finalReport.damagedPackets(),
                    finalReport.missingSeconds(),
                    finalReport.truncated(),
                    finalReport.problems());
        }
        return new DecodeReport(
                samples,
                damagedPackets,
                missingSeconds(),
                false,
                damagedPackets > 0 ? List.of(damagedPackets + " damaged packet(s) skipped so far") : List.of());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        resampler.close();
        av_frame_free(frame);
        av_packet_free(packet);
        avcodec_free_context(codec);
        input.close();
    }
}
