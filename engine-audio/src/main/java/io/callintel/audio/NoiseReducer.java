package io.callintel.audio;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_link;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.NoiseReduction;
import java.util.Locale;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.ShortPointer;

/**
 * libavfilter's {@code afftdn} (FFT denoiser) over 16 kHz mono s16 PCM, in process: samples pushed in come out
 * denoised, as many as went in and at the same times. White-noise model with the recording's measured floor
 * (20 dB of reduction at most): chosen by measured word error rate on noisy telephone speech (README).
 */
final class NoiseReducer implements AutoCloseable {

    /** Samples by which afftdn's output lags its input at 16 kHz (its window; NoiseReductionTest checks it). */
    static final int DELAY = 400;

    /** The filter settings; {@code nf} is filled with the measured floor. */
    static String settings(NoiseReduction reduction) {
        return String.format(Locale.ROOT, "nr=20:nf=%.1f:nt=w", reduction.noiseFloorDbfs());
    }

    private final AVFilterGraph graph;
    private final AVFilterContext source;
    private final AVFilterContext sink;
    private final AVFrame in;
    private final AVFrame out;
    private long pts;
    private boolean closed;

    NoiseReducer(NoiseReduction reduction) {
        Ffmpeg.initialise();
        graph = avfilter_graph_alloc();
        in = av_frame_alloc();
        out = av_frame_alloc();
        try {
            int rate = AudioDecoder.SAMPLE_RATE;
            source = filter(
                    "abuffer", "in", "sample_rate=" + rate + ":sample_fmt=s16:channel_layout=mono:time_base=1/" + rate);
            AVFilterContext denoise = filter("afftdn", "denoise", settings(reduction));
            AVFilterContext format =
                    filter("aformat", "format", "sample_fmts=s16:channel_layouts=mono:sample_rates=" + rate);
            sink = filter("abuffersink", "out", null);
            link(source, denoise);
            link(denoise, format);
            link(format, sink);
            check(avfilter_graph_config(graph, null), "configure the filter graph");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Feeds samples in; their denoised counterparts come out of {@link #pull} (not necessarily at once). */
    void push(short[] samples, int offset, int length) {
        in.format(AV_SAMPLE_FMT_S16);
        in.sample_rate(AudioDecoder.SAMPLE_RATE);
        av_channel_layout_default(in.ch_layout(), 1);
        in.nb_samples(length);
        in.pts(pts);
        check(av_frame_get_buffer(in, 0), "allocate a frame");
        new ShortPointer(in.data(0)).put(samples, offset, length);
        pts += length;
        check(av_buffersrc_add_frame(source, in), "filter a frame"); // takes the frame's buffer
    }

    /** Tells the filter there is no more input: it lets out what it still holds. */
    void finish() {
        check(av_buffersrc_add_frame(source, null), "end the filter's input");
    }

    /**
     * Takes the next denoised frame into {@code target} (growing it when needed).
     *
     * @return the samples taken, 0 when the filter needs more input first, -1 once everything is out
     */
    int pull(Samples target) {
        int result = av_buffersink_get_frame(sink, out);
        if (result == AVERROR_EOF) {
            return -1;
        }
        if (result == Ffmpeg.AVERROR_EAGAIN) {
            return 0;
        }
        check(result, "take a filtered frame");
        try {
            int n = out.nb_samples();
            target.fill(new ShortPointer(out.data(0)), n);
            return n;
        } finally {
            av_frame_unref(out);
        }
    }

    /** A growable buffer the filtered samples are copied into. */
    static final class Samples {
        short[] data = new short[0];
        int length;

        void fill(ShortPointer pointer, int n) {
            if (data.length < n) {
                data = new short[n];
            }
            pointer.get(data, 0, n);
            length = n;
        }
    }

    private AVFilterContext filter(String name, String instance, String args) {
        AVFilterContext context = new AVFilterContext(null);
        check(
                avfilter_graph_create_filter(context, avfilter_get_by_name(name), instance, args, null, graph),
                "create the " + name + " filter");
        return context;
    }

    private static void link(AVFilterContext from, AVFilterContext to) {
        check(avfilter_link(from, 0, to, 0), "link the filters");
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException("noise reduction: could not " + what + ": " + Ffmpeg.describe(result));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        av_frame_free(in);
        av_frame_free(out);
        avfilter_graph_free(graph);
    }
}
