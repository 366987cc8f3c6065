package io.callintel.audio;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.audio.AudioDecodeException.Problem;
import io.callintel.core.audio.MediaInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * An opened container with its best audio stream chosen and validated. Owns the AVFormatContext
 * and its I/O; every way in which an input can be unusable before the first packet is turned into
 * an {@link AudioDecodeException} here. Messages start with the input's name.
 */
final class FfmpegInput implements AutoCloseable {

    private final String name;
    private final ChannelIo io;
    private final AVFormatContext context;
    private final int audioIndex;
    private final AVCodec decoder;
    private final MediaInfo info;
    private final Duration stallTimeout;

    private FfmpegInput(
            String name,
            ChannelIo io,
            AVFormatContext context,
            int audioIndex,
            AVCodec decoder,
            MediaInfo info,
            Duration stallTimeout) {
        this.name = name;
        this.io = io;
        this.context = context;
        this.audioIndex = audioIndex;
        this.decoder = decoder;
        this.info = info;
        this.stallTimeout = stallTimeout;
    }

    static FfmpegInput open(Path file, Duration stallTimeout) {
        requireReadableFile(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file);
        } catch (IOException e) {
            throw new AudioDecodeException(Problem.NOT_READABLE, file + ": cannot open: " + e.getMessage(), e);
        }
        return open(new ChannelIo(channel), file.toString(), stallTimeout);
    }

    /** Decodes from a stream that cannot seek: formats that keep their index at the end (some MP4) fail here. */
    static FfmpegInput open(InputStream stream, String name, Duration stallTimeout) {
        return open(new ChannelIo(Channels.newChannel(stream)), name, stallTimeout);
    }

    private static FfmpegInput open(ChannelIo io, String name, Duration stallTimeout) {
        Ffmpeg.initialise();
        AVFormatContext context = avformat_alloc_context();
        context.pb(io.context());
        context.interrupt_callback().callback(Ffmpeg.Deadline.CALLBACK);
        Ffmpeg.Deadline.arm(System.nanoTime() + stallTimeout.toNanos());
        try {
            // No URL: FFmpeg must tell the format from the bytes alone. On failure it frees the context.
            int opened = avformat_open_input(context, "", null, (AVDictionary) null);
            if (opened < 0) {
                throw openFailure(name, io, opened);
            }
            try {
                return inspect(name, io, context, stallTimeout);
            } catch (RuntimeException e) {
                avformat_close_input(context);
                throw e;
            }
        } catch (RuntimeException e) {
            io.close();
            throw e;
        } finally {
            Ffmpeg.Deadline.disarm();
        }
    }

    private static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new AudioDecodeException(Problem.NOT_READABLE, file + ": no such file");
        }
        // FIFOs, devices and sockets could block or never end: only regular files are decoded.
        if (!Files.isRegularFile(file)) {
            throw new AudioDecodeException(Problem.NOT_READABLE, file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new AudioDecodeException(Problem.NOT_READABLE, file + ": permission denied");
        }
        try {
            if (Files.size(file) == 0) {
                throw new AudioDecodeException(Problem.EMPTY_FILE, file + ": the file is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new AudioDecodeException(Problem.NOT_READABLE, file + ": " + e.getMessage(), e);
        }
    }

    private static AudioDecodeException openFailure(String name, ChannelIo io, int error) {
        if (error == AVERROR_EXIT) {
            return new AudioDecodeException(Problem.TIMEOUT, name + ": opening the input made no progress; gave up");
        }
        if (io.failure() != null) {
            return new AudioDecodeException(
                    Problem.NOT_READABLE, name + ": read error: " + io.failure().getMessage(), io.failure());
        }
        byte[] head = io.head();
        if (head.length == 0) {
            return new AudioDecodeException(Problem.EMPTY_FILE, name + ": the input is empty (0 bytes)");
        }
        Optional<String> claimed = FormatNames.claimedContainer(head);
        if (claimed.isPresent()) {
            return new AudioDecodeException(
                    Problem.CORRUPT,
                    name + ": starts like a " + claimed.get()
                            + " file but its headers cannot be read (damaged or truncated): " + Ffmpeg.describe(error));
        }
        if (error == AVERROR_INVALIDDATA) {
            return new AudioDecodeException(
                    Problem.UNRECOGNISED_FORMAT,
                    name + ": not a recognised audio format (the content matches no known container)");
        }
        return new AudioDecodeException(
                Problem.UNRECOGNISED_FORMAT, name + ": not a recognised audio format: " + Ffmpeg.describe(error));
    }

    private static FfmpegInput inspect(String name, ChannelIo io, AVFormatContext context, Duration stallTimeout) {
        String demuxer = context.iformat().name().getString();
        if (!FormatNames.isAudioContainer(demuxer)) {
            throw new AudioDecodeException(
                    Problem.UNRECOGNISED_FORMAT,
                    name + ": not a recognised audio format (content looks like "
                            + context.iformat().long_name().getString() + ")");
        }
        String format = FormatNames.containerName(demuxer, io.head());
        int found = avformat_find_stream_info(context, (AVDictionary) null);
        if (found == AVERROR_EXIT) {
            throw new AudioDecodeException(
                    Problem.TIMEOUT, name + ": reading stream information made no progress; gave up");
        }
        if (found < 0) {
            throw new AudioDecodeException(
                    Problem.CORRUPT,
                    name + ": cannot read the " + format + " stream information: " + Ffmpeg.describe(found));
        }
        int audioIndex = av_find_best_stream(context, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
        if (audioIndex < 0) {
            throw new AudioDecodeException(
                    Problem.NO_AUDIO_STREAM,
                    name + ": the " + format + " file has no audio stream (" + streamSummary(context) + ")");
        }
        AVStream stream = context.streams(audioIndex);
        AVCodecParameters parameters = stream.codecpar();
        String codec = avcodec_get_name(parameters.codec_id()).getString();
        AVCodec decoder = avcodec_find_decoder(parameters.codec_id());
        if (decoder == null || parameters.codec_id() == 0) {
            String what = parameters.codec_id() == 0 ? "unknown" : codec + ", which this build cannot decode";
            String tag = parameters.codec_tag() != 0
                    ? " (codec tag 0x" + Integer.toHexString(parameters.codec_tag()) + ")"
                    : "";
            throw new AudioDecodeException(
                    Problem.UNSUPPORTED_CODEC, name + ": unsupported audio codec: " + what + tag + " in " + format);
        }
        int channels = parameters.ch_layout().nb_channels();
        if (parameters.sample_rate() <= 0 || channels <= 0) {
            throw new AudioDecodeException(
                    Problem.CORRUPT, name + ": the " + codec + " stream declares no sample rate or no channels");
        }
        List<String> warnings = new ArrayList<>();
        FormatNames.extensionMismatch(name, format).ifPresent(warnings::add);
        double duration =
                WavHeader.truncatedDeclaredSeconds(io.head(), io.size()).orElse(durationSeconds(context, stream));
        MediaInfo info = new MediaInfo(
                format, codec, parameters.sample_rate(), channels, duration, Math.max(0, context.bit_rate()), warnings);
        return new FfmpegInput(name, io, context, audioIndex, decoder, info, stallTimeout);
    }

    private static double durationSeconds(AVFormatContext context, AVStream stream) {
        if (stream.duration() != AV_NOPTS_VALUE
                && stream.duration() > 0
                && stream.time_base().den() > 0) {
            return stream.duration()
                    * (double) stream.time_base().num()
                    / stream.time_base().den();
        }
        if (context.duration() != AV_NOPTS_VALUE && context.duration() >= 0) {
            return context.duration() / (double) AV_TIME_BASE;
        }
        return Double.NaN;
    }

    private static String streamSummary(AVFormatContext context) {
        if (context.nb_streams() == 0) {
            return "no streams at all";
        }
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < context.nb_streams(); i++) {
            AVCodecParameters p = context.streams(i).codecpar();
            kinds.add(FormatNames.mediaType(p.codec_type()) + " "
                    + avcodec_get_name(p.codec_id()).getString());
        }
        return "streams: " + String.join(", ", kinds);
    }

    String name() {
        return name;
    }

    AVFormatContext context() {
        return context;
    }

    int audioIndex() {
        return audioIndex;
    }

    AVStream audioStream() {
        return context.streams(audioIndex);
    }

    AVCodec decoder() {
        return decoder;
    }

    MediaInfo info() {
        return info;
    }

    Duration stallTimeout() {
        return stallTimeout;
    }

    /** The I/O error that ended reading early, if any. */
    IOException readFailure() {
        return io.failure();
    }

    @Override
    public void close() {
        avformat_close_input(context);
        io.close();
    }
}
