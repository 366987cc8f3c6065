package io.callintel.server.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.classify.index.IndexedSegment;
import io.callintel.classify.index.SearchRequest;
import io.callintel.classify.index.SearchResults;
import io.callintel.classify.index.SegmentIndex;
import io.callintel.core.audio.AudioDecoder;
import io.callintel.core.audio.DurationBound;
import io.callintel.core.pipeline.PipelineListener;
import io.callintel.core.pipeline.RecordingPipeline;
import io.callintel.core.pipeline.SearchIndexer;
import io.callintel.core.pipeline.Workers;
import io.callintel.core.store.BlobStore;
import io.callintel.core.store.RecordingStore;
import io.callintel.engine.CallIntelEngine;
import io.callintel.server.auth.ApiKeys;
import io.callintel.server.auth.Authenticator;
import io.callintel.server.auth.PemKeys;
import io.callintel.server.auth.Secrets;
import io.callintel.server.auth.Sessions;
import io.callintel.server.auth.UrlSigner;
import io.callintel.server.data.DataDirectory;
import io.callintel.server.data.Storage;
import io.callintel.server.data.UploadSpool;
import io.callintel.server.http.ApiServer;
import io.callintel.server.http.HealthChecks;
import io.callintel.server.service.Corrections;
import io.callintel.server.service.IndexFollower;
import io.callintel.server.service.RecordingIntake;
import io.callintel.server.service.RecordingRemoval;
import io.callintel.server.service.Reprocessing;
import io.callintel.server.service.Retention;
import io.callintel.server.service.ServerMetrics;
import io.callintel.server.service.Summaries;
import io.callintel.server.service.UnusedLinks;
import io.callintel.server.service.WebhookDispatcher;
import io.callintel.server.store.BlobLocation;
import io.callintel.server.store.Database;
import io.callintel.server.store.JdbcCorrectionStore;
import io.callintel.server.store.JdbcOrgSettings;
import io.callintel.server.store.JdbcRecordingStore;
import io.callintel.server.store.JdbcResultStore;
import io.callintel.server.store.JdbcUseCaseStore;
import io.callintel.server.store.JdbcWebhooks;
import io.callintel.server.store.SearchFeed;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The whole server, put together in one place: data directory (database, blobs, index, secret),
 * models, pipeline and workers, HTTP API. {@link #close()} stops it gracefully, in reverse order:
 * no new requests, recordings in flight finished or re-queued, then storage and models closed.
 */
public final class CallintelServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CallintelServer.class.getName());

    private final ServerConfig config;
    private final List<AutoCloseable> resources = new ArrayList<>(); // closed in reverse order
    private final Optional<Workers> workers;
    private final ApiServer api;
    /** Health says "ok" while set: cleared first at shutdown, so a load balancer stops sending work. */
    private final AtomicBoolean serving;

    private CallintelServer(
            ServerConfig config,
            Optional<Workers> workers,
            ApiServer api,
            AtomicBoolean serving,
            List<AutoCloseable> resources) {
        this.config = config;
        this.workers = workers;
        this.api = api;
        this.serving = serving;
        this.resources.addAll(resources);
    }

    /** Opens everything and starts serving; fails (closing what it opened) when any part cannot start. */
    public static CallintelServer start(ServerConfig config, AudioDecoder unbounded) throws IOException {
        List<AutoCloseable> opened = new ArrayList<>();
        // Uploads and processing alike: a small file with a forged header must not decode into days of audio.
        AudioDecoder decoder = new DurationBound(unbounded, config.limits().maxCallDuration());
        try {
            DataDirectory data = DataDirectory.create(config.dataDirectory());
            Storage storage = new Storage(data, config.cluster().database());
            // Millisecond ticks: what the database keeps, so a response never shows a time that a re-read would change.
            Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
            ObjectMapper json = new ObjectMapper();

            Database db = open(opened, storage.openDatabase());
            var useCases = new JdbcUseCaseStore(db, json);
            var recordings = new JdbcRecordingStore(
                    db, clock, config.cluster().lease(), config.cluster().node());
            var results = new JdbcResultStore(db, json);
            var corrections = new JdbcCorrectionStore(db);
            BlobStore blobs = open(
                    opened,
                    config.cluster()
                            .blobs()
                            .orElse(new BlobLocation.Directory(data.audio()))
                            .open(data.audio()));
            SegmentIndex index = open(opened, SegmentIndex.open(data.index()));
            // One node: the workers write the index the API searches. Many: workers append to the shared feed, and
            // each API node replays it into its own index before searching, so every node gives the same hits.
            Optional<SearchFeed> feed = storage.shared() ? Optional.of(new SearchFeed(db, json)) : Optional.empty();
            Function<SearchRequest, SearchResults> search = index::search;
            if (feed.isPresent()) {
                search = new IndexFollower(index, feed.get(), data.index().resolve("feed.position"))::search;
            }

            Secrets secrets = config.jwtSecret().isPresent()
                    ? Secrets.of(config.jwtSecret().get())
                    : storage.secrets(db);
            var apiKeys = new ApiKeys(db, clock);
            var authenticator =
                    new Authenticator(secrets, config.jwtPublicKey().map(PemKeys::rsaPublicKey), apiKeys, clock);

            SearchIndexer indexer = (recording, transcript) -> {
                List<IndexedSegment> segments = transcript.segments().stream()
                        .map(segment -> IndexedSegment.of(
                                recording.org(), recording.usecase().orElse(""), recording.uuid(), segment))
                        .toList();
                feed.ifPresentOrElse(
                        f -> f.append(recording.uuid(), segments), () -> index.replace(recording.uuid(), segments));
            };

            // API nodes never run recognition: they load no models and start no workers.
            Optional<CallIntelEngine> engine = config.cluster().role().processes()
                    ? Optional.of(open(
                            opened,
                            CallIntelEngine.builder()
                                    .models(config.models())
                                    .threads(config.threads())
                                    .replaceRecognizersAfter(config.replaceRecognizersAfter())
                                    .decoder(decoder)
                                    .build()))
                    : Optional.empty();
            Summaries summaries = new Summaries(recordings, results, storage.shared());
            ServerMetrics metrics = new ServerMetrics(
                    recordings,
                    () -> engine.map(CallIntelEngine::recognizerReplacements).orElse(0),
                    recordings::takeovers);
            PipelineListener listener = PipelineListener.all(summaries, metrics);
            Optional<Workers> workers = engine.map(e -> new Workers(
                    recordings,
                    new RecordingPipeline(
                            recordings,
                            useCases,
                            results,
                            corrections,
                            blobs,
                            new AsrTranscription(e),
                            new EngineRedaction(e),
                            e::analyze,
                            indexer,
                            listener),
                    listener,
                    config.workers(),
                    config.maxAttempts(),
                    config.retryDelay(),
                    Workers.Budget.DEFAULT));

            RecordingStore observed = summaries.observing(recordings);
            open(opened, UnusedLinks.start(observed, config.limits().uploadLinkValidity(), clock));
            var settings = new JdbcOrgSettings(db);
            Consumer<String> unindex = uuid -> feed.ifPresentOrElse(f -> f.forget(uuid), () -> index.delete(uuid));
            Runnable queued = () -> workers.ifPresent(Workers::wake);
            var removal = new RecordingRemoval(observed, blobs, unindex);
            var webhooks = new JdbcWebhooks(db, json, clock);
            if (config.cluster().role().servesApi()) {
                open(opened, Retention.start(observed, settings, removal, config.retentionDays(), clock));
                open(opened, WebhookDispatcher.start(webhooks, clock));
            }
            AtomicBoolean serving = new AtomicBoolean();
            var dependencies = new ApiServer.Dependencies(
                    useCases,
                    recordings,
                    results,
                    new Corrections(corrections, clock),
                    removal,
                    settings,
                    webhooks,
                    blobs,
                    search,
                    new RecordingIntake(
                            observed,
                            blobs,
                            decoder,
                            queued,
                            clock,
                            config.limits().maxUploadBytes()),
                    new Reprocessing(observed, unindex, queued),
                    authenticator,
                    apiKeys,
                    new Sessions(authenticator, secrets, clock),
                    new UrlSigner(secrets, clock),
                    summaries,
                    metrics,
                    serving::get,
                    config.cluster().role(),
                    config.cluster().node(),
                    () -> checks(db, blobs),
                    json,
                    clock);
            open(opened, UploadSpool.start(data.uploads(), clock));
            ApiServer api = new ApiServer(
                    dependencies, config.host(), config.port(), config.publicUrl(), data.uploads(), config.limits());
            CallintelServer server = new CallintelServer(config, workers, api, serving, opened);
            workers.ifPresent(Workers::start);
            api.start();
            serving.set(true);
            return server;
        } catch (IOException | RuntimeException | LinkageError e) {
            closeAll(opened);
            throw e;
        }
    }

    /** What /health reports besides the node's state: can it reach its database and its audio store. */
    private static Map<String, String> checks(Database db, BlobStore blobs) {
        Map<String, String> checks = new LinkedHashMap<>();
        try {
            db.count("SELECT 1");
            checks.put("database", HealthChecks.OK);
        } catch (RuntimeException e) {
            checks.put("database", "unreachable: " + e.getMessage());
        }
        checks.put("blob_store", blobs.reachable() ? HealthChecks.OK : "unreachable");
        return checks;
    }

    private static <T extends AutoCloseable> T open(List<AutoCloseable> opened, T resource) {
        opened.add(resource);
        return resource;
    }

    public int port() {
        return api.port();
    }

    public ServerConfig config() {
        return config;
    }

    @Override
    public void close() {
        serving.set(false);
        api.close();
        try {
            if (workers.isPresent()) {
                workers.get().stop(config.shutdownGrace());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + resources.get(i).getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
