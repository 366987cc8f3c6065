package io.callintel.core.analytics;

import io.callintel.core.recording.RecordingState;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A use case's running totals for the summary endpoints: recordings by state, completion, buckets,
 * answers per question, tags and call metadata, and average call metrics. Updated as each recording
 * arrives, changes state or completes, so a summary never re-reads every call. Thread-safe.
 */
public final class UseCaseSummary {

    /** Metadata fields broken down in the summary, besides the use case's own tags. */
    public static final List<String> METADATA_DIMENSIONS = List.of("call_type");

    private final Map<RecordingState, Long> byState = new EnumMap<>(RecordingState.class);
    private final Map<String, Long> buckets = new TreeMap<>();
    private final Map<String, Map<String, Long>> answers = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> breakdown = new TreeMap<>();
    private final double[] metricSums = new double[Metric.values().length];
    private long analysed;

    /** The averaged call measures, in the order they are reported. */
    public enum Metric {
        DURATION,
        TALK_TIME,
        SILENCE_TIME,
        LONGEST_SILENCE,
        OVERLAP_TIME,
        INTERRUPTIONS,
        TURNS,
        WORDS_PER_MINUTE,
        MEAN_CONFIDENCE,
        AGENT_TALK_RATIO;

        double of(CallMetrics metrics) {
            return switch (this) {
                case DURATION -> metrics.duration();
                case TALK_TIME -> metrics.talkTime();
                case SILENCE_TIME -> metrics.silenceTime();
                case LONGEST_SILENCE -> metrics.longestSilence();
                case OVERLAP_TIME -> metrics.overlapTime();
                case INTERRUPTIONS -> metrics.interruptions();
                case TURNS -> metrics.turns();
                case WORDS_PER_MINUTE -> metrics.wordsPerMinute();
                case MEAN_CONFIDENCE -> metrics.meanConfidence();
                case AGENT_TALK_RATIO ->
                    metrics.roles().stream()
                            .filter(role -> role.role() == io.callintel.core.transcript.Role.AGENT)
                            .mapToDouble(SpeakerMetrics::talkRatio)
                            .findFirst()
                            .orElse(0);
            };
        }
    }

    /**
     * A point-in-time copy.
     *
     * @param completion  completed recordings as a share of all that are not waiting for their upload, 0..100
     * @param answers     per question, how often each answer was given
     * @param breakdown   per dimension ({@code tag}, {@code call_type}), recordings per value
     * @param averages    per metric, its mean over analysed recordings
     */
    public record Snapshot(
            Map<RecordingState, Long> byState,
            long total,
            double completion,
            Map<String, Long> buckets,
            Map<String, Map<String, Long>> answers,
            Map<String, Map<String, Long>> breakdown,
            Map<Metric, Double> averages,
            long analysed) {}

    /** Totals that know only how many recordings are in each state: enough for the summary counts. */
    public static UseCaseSummary ofStates(Map<RecordingState, Long> states) {
        UseCaseSummary summary = new UseCaseSummary();
        summary.byState.putAll(states);
        return summary;
    }

    /** A recording joined the use case in {@code state}, tagged with the use case's tags and its own metadata. */
    public synchronized void added(RecordingState state, List<String> tags, Map<String, String> metadata) {
        byState.merge(state, 1L, Long::sum);
        for (String tag : tags) {
            count(breakdown.computeIfAbsent("tag", d -> new TreeMap<>()), tag, 1);
        }
        for (String dimension : METADATA_DIMENSIONS) {
            String value = metadata.get(dimension);
            if (value != null && !value.isBlank()) {
                count(breakdown.computeIfAbsent(dimension, d -> new TreeMap<>()), value, 1);
            }
        }
    }

    public synchronized void moved(RecordingState from, RecordingState to) {
        if (from == to) {
            return;
        }
        byState.merge(from, -1L, Long::sum);
        byState.merge(to, 1L, Long::sum);
    }

    /** A recording's analysis is ready: its bucket, answers and metrics join the totals. */
    public synchronized void analysed(CallAnalytics analytics) {
        apply(analytics, 1);
    }

    /** Takes an analysis back out (a recording re-processed or deleted). */
    public synchronized void withdrawn(CallAnalytics analytics) {
        apply(analytics, -1);
    }

    private void apply(CallAnalytics analytics, int sign) {
        if (analytics.bucket() != null) {
            count(buckets, analytics.bucket().name(), sign);
        }
        for (QuestionAnswer answer : analytics.questions()) {
            // Yes/No/Unclear are counted as such; open answers only as answered or not, their text is per call.
            String key = answer.answer().isEmpty() ? "(none)" : isYesNo(answer.answer()) ? answer.answer() : "answered";
            count(answers.computeIfAbsent(answer.question(), q -> new TreeMap<>()), key, sign);
        }
        for (Metric metric : Metric.values()) {
            metricSums[metric.ordinal()] += sign * metric.of(analytics.metrics());
        }
        analysed += sign;
    }

    private static boolean isYesNo(String answer) {
        return answer.equals(QuestionAnswer.YES)
                || answer.equals(QuestionAnswer.NO)
                || answer.equals(QuestionAnswer.UNCLEAR);
    }

    private static void count(Map<String, Long> counts, String key, long delta) {
        long value = counts.getOrDefault(key, 0L) + delta;
        if (value <= 0) {
            counts.remove(key);
        } else {
            counts.put(key, value);
        }
    }

    public synchronized Snapshot snapshot() {
        Map<RecordingState, Long> states = new EnumMap<>(RecordingState.class);
        for (RecordingState state : RecordingState.values()) {
            states.put(state, Math.max(0, byState.getOrDefault(state, 0L)));
        }
        long total = states.values().stream().mapToLong(Long::longValue).sum();
        long started = total - states.get(RecordingState.AWAITING_UPLOAD);
        double completion =
                started == 0 ? 0 : Math.round(1000.0 * states.get(RecordingState.ANALYSIS_COMPLETED) / started) / 10.0;
        Map<Metric, Double> averages = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            averages.put(
                    metric, analysed == 0 ? 0 : Math.round(1000 * metricSums[metric.ordinal()] / analysed) / 1000.0);
        }
        Map<String, Map<String, Long>> answerCopy = new LinkedHashMap<>();
        answers.forEach((question, counts) -> answerCopy.put(question, Map.copyOf(counts)));
        Map<String, Map<String, Long>> breakdownCopy = new TreeMap<>();
        breakdown.forEach((dimension, counts) -> breakdownCopy.put(dimension, Map.copyOf(counts)));
        return new Snapshot(
                states, total, completion, Map.copyOf(buckets), answerCopy, breakdownCopy, averages, analysed);
    }
}
