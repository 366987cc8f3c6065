package io.callintel.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;
import static org.bytedeco.ffmpeg.global.swresample.swr_set_matrix;

import io.callintel.core.audio.AudioDecodeException;
import io.callintel.core.audio.AudioDecodeException.Problem;
import io.callintel.core.audio.DecodeOptions;
import java.nio.ShortBuffer;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * libswresample from whatever the decoder produces to mono s16 at the target rate, taking either
 * one channel or the average of all. Holds the converted samples until they are taken.
 */
final class Resampler implements AutoCloseable {

    private final int outputRate;
    private final int channel;
    private final AVChannelLayout mono = new AVChannelLayout();

    private SwrContext swr;
    private int inputFormat = -1;
    private int inputRate = -1;
    private int inputChannels = -1;
    private long inputMask = -1;

    private ShortPointer output = new ShortPointer(0L);
    private final PointerPointer<ShortPointer> outputPlanes = new PointerPointer<>(1);
    private ShortBuffer outputView = ShortBuffer.allocate(0);
    private int capacity;
    private int count;
    private int position;

    Resampler(int outputRate, int channel) {
        this.outputRate = outputRate;
        this.channel = channel;
        av_channel_layout_default(mono, 1);
    }

    /** Samples converted and not yet taken. */
    int pending() {
        return count - position;
    }

    int take(short[] buffer, int offset, int length) {
        int taken = Math.min(length, pending());
        outputView.get(position, buffer, offset, taken);
        position += taken;
        return taken;
    }

    /** Converts one decoded frame; only called once everything before it has been taken. */
    void convert(AVFrame frame) {
        configureFor(frame);
        ensureCapacity(swr_get_out_samples(swr, frame.nb_samples()));
        store(swr_convert(swr, outputPlanes, capacity, frame.extended_data(), frame.nb_samples()));
    }

    /** Drains the samples the resampling filter still holds at the end of the input. */
    void flush() {
        if (swr == null) {
            return;
        }
        ensureCapacity(swr_get_out_samples(swr, 0));
        store(swr_convert(swr, outputPlanes, capacity, null, 0));
    }

    private void store(int converted) {
        if (converted < 0) {
            throw new AudioDecodeException(Problem.CORRUPT, "resampling failed: " + Ffmpeg.describe(converted));
        }
        count = converted;
        position = 0;
    }

    /**
     * (Re)builds the resampler when the decoded format changes: it is known for sure only from the
     * first frame (HE-AAC, for one, doubles the declared rate). A change mid-stream drops at most one
     * filter length of delayed samples from the old configuration.
     */
    private void configureFor(AVFrame frame) {
        AVChannelLayout layout = frame.ch_layout();
        int channels = layout.nb_channels();
        long mask = layout.u_mask();
        if (swr != null
                && frame.format() == inputFormat
                && frame.sample_rate() == inputRate
                && channels == inputChannels
                && mask == inputMask) {
            return;
        }
        if (channel >= channels) {
            throw new AudioDecodeException(
                    Problem.BAD_CHANNEL,
                    "channel " + channel + " requested but the decoded audio has " + channels + " channel(s)");
        }
        freeSwr();
        SwrContext context = new SwrContext(null);
        int result = swr_alloc_set_opts2(
                context, mono, AV_SAMPLE_FMT_S16, outputRate, layout, frame.format(), frame.sample_rate(), 0, null);
        if (result < 0 || context.isNull()) {
            throw new AudioDecodeException(
                    Problem.UNSUPPORTED_CODEC,
                    "cannot resample " + channels + "-channel audio at " + frame.sample_rate() + " Hz: "
                            + Ffmpeg.describe(result));
        }
        swr = context;
        double[] matrix = mixMatrix(channels);
        if (matrix != null && (result = swr_set_matrix(swr, matrix, channels)) < 0) {
            throw new AudioDecodeException(
                    Problem.UNSUPPORTED_CODEC, "cannot select channel: " + Ffmpeg.describe(result));
        }
        if ((result = swr_init(swr)) < 0) {
            throw new AudioDecodeException(
                    Problem.UNSUPPORTED_CODEC, "cannot initialise the resampler: " + Ffmpeg.describe(result));
        }
        inputFormat = frame.format();
        inputRate = frame.sample_rate();
        inputChannels = channels;
        inputMask = mask;
    }

    /**
     * One output row: a single 1.0 picks a channel; equal weights average a stereo call (FFmpeg's
     * default would scale by 1/sqrt(2) and can clip). Surround layouts keep FFmpeg's own downmix.
     */
    private double[] mixMatrix(int channels) {
        if (channel != DecodeOptions.MIX) {
            double[] row = new double[channels];
            row[channel] = 1.0;
            return row;
        }
        return channels == 2 ? new double[] {0.5, 0.5} : null;
    }

    private void ensureCapacity(int samples) {
        if (samples <= capacity) {
            return;
        }
        int grown = Math.max(samples, Math.max(4096, capacity * 2));
        output.close();
        output = new ShortPointer(grown);
        outputPlanes.put(0, output);
        outputView = output.asBuffer();
        capacity = grown;
    }

    private void freeSwr() {
        if (swr != null) {
            swr_free(swr);
            swr = null;
        }
    }

    @Override
    public void close() {
        freeSwr();
        output.close();
        outputPlanes.close();
        mono.close();
    }
}
