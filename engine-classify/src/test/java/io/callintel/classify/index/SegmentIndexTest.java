package io.callintel.classify.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callintel.core.transcript.Role;
import io.callintel.core.transcript.Segment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentIndexTest {

    @TempDir
    Path directory;

    private SegmentIndex index;

    @BeforeEach
    void open() {
        index = SegmentIndex.open(directory);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static List<IndexedSegment> call(String org, String usecase, String recording, String... lines) {
        List<IndexedSegment> segments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String speaker = i % 2 == 0 ? "SPEAKER_1" : "SPEAKER_2";
            String role = i % 2 == 0 ? "agent" : "customer";
            segments.add(new IndexedSegment(org, usecase, recording, speaker, role, i * 5.0, i * 5.0 + 4.5, lines[i]));
        }
        return segments;
    }

    private static SearchRequest request(String org, String query) {
        return new SearchRequest(org, Optional.empty(), query, 10);
    }

    private void indexBankCalls() {
        index.replace(
                "rec-1",
                call(
                        "acme",
                        "support",
                        "rec-1",
                        "thank you for calling northwind bank how can I help you",
                        "I want to cancel my subscription because the monthly fee is too high",
                        "I understand let me check the cancellation options for you"));
        index.replace(
                "rec-2",
                call(
                        "acme",
                        "sales",
                        "rec-2",
                        "hello this is sarah from northwind bank",
                        "I am not interested in a new credit card thanks"));
    }

    @Test
    void findsStemmedWordsRanksAndHighlights() {
        indexBankCalls();
        SearchResults results = index.search(request("acme", "cancelled subscriptions"));
        assertEquals(1, results.totalHits());
        SearchHit hit = results.hits().get(0);
        assertEquals("rec-1", hit.recording());
        assertEquals("support", hit.usecase());
        assertEquals(1, hit.segment());
        assertEquals("SPEAKER_2", hit.speaker());
        assertEquals("customer", hit.role());
        assertEquals(5.0, hit.start());
        assertEquals(9.5, hit.end());
        assertEquals("I want to cancel my subscription because the monthly fee is too high", hit.text());
        assertTrue(hit.score() > 0);
        assertTrue(hit.fragment().contains("<em>cancel</em>"), hit.fragment());
        assertTrue(hit.fragment().contains("<em>subscription</em>"), hit.fragment());

        SearchResults bank = index.search(request("acme", "northwind"));
        assertEquals(2, bank.totalHits());
        assertTrue(bank.hits().get(0).score() >= bank.hits().get(1).score());
    }

    @Test
    void everyWordIsRequiredUnlessOrIsAsked() {
        indexBankCalls();
        assertEquals(0, index.search(request("acme", "cancel card")).totalHits());
        assertEquals(3, index.search(request("acme", "cancel | card")).totalHits()); // cancellation stems to cancel
        assertEquals(1, index.search(request("acme", "northwind -sarah")).totalHits());
        assertEquals(1, index.search(request("acme", "\"northwind bank how\"")).totalHits());
        assertEquals(0, index.search(request("acme", "\"bank northwind\"")).totalHits());
        assertEquals(2, index.search(request("acme", "cancel*")).totalHits()); // cancel, cancellation
    }

    @Test
    void fragmentsAreEscaped() {
        index.replace("rec-x", call("acme", "support", "rec-x", "the refund <script>alert(1)</script> was sent"));
        String fragment = index.search(request("acme", "refund")).hits().get(0).fragment();
        assertTrue(fragment.contains("<em>refund</em>"), fragment);
        assertFalse(fragment.contains("<script>"), fragment);
    }

    @Test
    void longSegmentsGetAFragmentAroundTheMatch() {
        String padding = "and then we talked about the weather for a while ".repeat(20);
        index.replace(
                "rec-long", call("acme", "support", "rec-long", padding + "the overdraft fee was waived " + padding));
        String fragment =
                index.search(request("acme", "overdraft")).hits().get(0).fragment();
        assertTrue(fragment.contains("<em>overdraft</em>"), fragment);
        assertTrue(fragment.length() < 400, fragment);
    }

    @Test
    void oneOrganisationNeverSeesAnothers() {
        indexBankCalls();
        index.replace("rec-3", call("globex", "support", "rec-3", "please cancel my subscription today"));
        SearchResults acme = index.search(request("acme", "cancel subscription"));
        assertEquals(1, acme.totalHits());
        assertEquals("rec-1", acme.hits().get(0).recording());
        SearchResults globex = index.search(request("globex", "cancel subscription"));
        assertEquals(1, globex.totalHits());
        assertEquals("rec-3", globex.hits().get(0).recording());
        assertEquals(0, index.search(request("initech", "cancel subscription")).totalHits());
        // Not even through query syntax aimed at the keyword fields.
        assertEquals(0, index.search(request("acme", "org:globex")).totalHits());
        assertEquals(0, index.search(request("acme", "today")).totalHits());
        assertEquals(1, index.count("globex", Optional.empty(), "today"));
    }

    @Test
    void useCaseFilter() {
        indexBankCalls();
        assertEquals(2, index.search(request("acme", "northwind")).totalHits());
        SearchResults sales = index.search(new SearchRequest("acme", Optional.of("sales"), "northwind", 10));
        assertEquals(1, sales.totalHits());
        assertEquals("rec-2", sales.hits().get(0).recording());
        assertEquals("sales", sales.hits().get(0).usecase());
        assertEquals(1, index.count("acme", Optional.of("support"), "northwind"));
        assertEquals(0, index.count("acme", Optional.of("collections"), "northwind"));
    }

    @Test
    void limitCapsHitsButNotTheTotal() {
        List<IndexedSegment> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(new IndexedSegment(
                    "acme", "support", "rec-many", "SPEAKER_1", "agent", i, i + 1, "balance enquiry " + i));
        }
        index.replace("rec-many", many);
        SearchResults results = index.search(new SearchRequest("acme", Optional.empty(), "balance", 5));
        assertEquals(30, results.totalHits());
        assertEquals(5, results.hits().size());
    }

    @Test
    void replaceReplacesAllSegmentsOfTheRecording() {
        indexBankCalls();
        index.replace("rec-1", call("acme", "support", "rec-1", "my card was declined at the shop"));
        assertEquals(0, index.search(request("acme", "subscription")).totalHits());
        assertEquals(0, index.search(request("acme", "help")).totalHits());
        SearchResults declined = index.search(request("acme", "declined"));
        assertEquals(1, declined.totalHits());
        assertEquals(0, declined.hits().get(0).segment());
        assertEquals(1, index.count("acme", Optional.empty(), "northwind")); // rec-2 untouched

        index.replace("rec-1", List.of());
        assertEquals(0, index.count("acme", Optional.empty(), "declined"));
    }

    @Test
    void replaceRefusesSegmentsOfOtherRecordingsOrOrganisations() {
        assertThrows(
                IllegalArgumentException.class,
                () -> index.replace("rec-1", call("acme", "support", "rec-2", "hello")));
        List<IndexedSegment> mixed = new ArrayList<>(call("acme", "support", "rec-1", "hello"));
        mixed.addAll(call("globex", "support", "rec-1", "hello"));
        assertThrows(IllegalArgumentException.class, () -> index.replace("rec-1", mixed));
        assertEquals(0, index.count("acme", Optional.empty(), "hello"));
    }

    @Test
    void deleteRemovesTheRecording() {
        indexBankCalls();
        index.delete("rec-1");
        assertEquals(0, index.count("acme", Optional.empty(), "subscription"));
        assertEquals(1, index.count("acme", Optional.empty(), "northwind"));
        index.delete("no-such-recording");
        assertEquals(1, index.count("acme", Optional.empty(), "northwind"));
    }

    @Test
    void survivesCloseAndReopen() {
        indexBankCalls();
        index.delete("rec-2");
        index.close();
        index = SegmentIndex.open(directory);
        SearchResults results = index.search(request("acme", "subscription"));
        assertEquals(1, results.totalHits());
        assertEquals("rec-1", results.hits().get(0).recording());
        assertEquals(0, index.count("acme", Optional.empty(), "sarah"));
        assertTrue(results.hits().get(0).fragment().contains("<em>subscription</em>"));
    }

    @Test
    void createsItsDirectory() {
        Path nested = directory.resolve("nested").resolve("index");
        try (SegmentIndex created = SegmentIndex.open(nested)) {
            created.replace("rec-1", call("acme", "support", "rec-1", "hello there"));
        }
        try (SegmentIndex reopened = SegmentIndex.open(nested)) {
            assertEquals(1, reopened.count("acme", Optional.empty(), "hello"));
        }
    }

    @Test
    void aSecondIndexOnTheSameDirectoryIsRefused() {
        assertThrows(IllegalStateException.class, () -> SegmentIndex.open(directory));
    }

    @Test
    void closedIndexRefusesWork() {
        index.close();
        index.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> index.search(request("acme", "x")));
        assertThrows(IllegalStateException.class, () -> index.delete("rec-1"));
    }

    @Test
    void anyQueryTextIsAccepted() {
        indexBankCalls();
        List<String> weird = List.of(
                "",
                " ",
                "AND",
                "OR",
                "NOT",
                "(",
                ")",
                "((",
                "\"",
                "\"unclosed phrase",
                "*",
                "?",
                "-",
                "+",
                "|",
                "~",
                "~2",
                "\\",
                "[",
                "]",
                "{",
                "}",
                "^",
                ":",
                "org:acme",
                "text:*",
                "a AND (b OR",
                "\u0000",
                "\uD800",
                "💳 card",
                "cancel~1",
                "\"cancel\"~3",
                "[* TO *]",
                "/regex.*/",
                "!",
                "&&",
                "||",
                "the",
                "the and of",
                "x".repeat(SearchRequest.MAX_QUERY_LENGTH),
                // As many clauses as the length allows, in each way of making them.
                "b ".repeat(250),
                "b|".repeat(250),
                "(b ".repeat(166),
                "\"b c\" ".repeat(83),
                "b* ".repeat(166),
                "中".repeat(500),
                "-b ".repeat(166),
                "𝔟 ".repeat(166));
        for (String query : weird) {
            index.search(request("acme", query));
            index.count("acme", Optional.empty(), query);
            index.keywordScores("rec-1", query);
        }
        assertEquals(0, index.search(request("acme", "")).totalHits());
        assertEquals(0, index.search(request("acme", "the and of")).totalHits()); // stop words only
        assertEquals(5, index.search(request("acme", "*")).totalHits()); // everything, of this organisation
    }

    @Test
    void overlongQueriesAreRefusedClearly() {
        String tooLong = "b".repeat(SearchRequest.MAX_QUERY_LENGTH + 1);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> request("acme", tooLong));
        assertTrue(refused.getMessage().contains("at most 500"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> index.count("acme", Optional.empty(), tooLong));
    }

    @Test
    void keywordScoresTakeTextOfAnyLength() {
        indexBankCalls();
        StringBuilder words = new StringBuilder("fee cancel ");
        for (int i = 0; i < 5_000; i++) {
            words.append("word").append(i).append(' ');
        }
        assertEquals(
                List.of(1, 2),
                List.copyOf(index.keywordScores("rec-1", words.toString()).keySet()));
    }

    @Test
    void keywordScoresWithinOneRecording() {
        indexBankCalls();
        index.replace("rec-3", call("globex", "support", "rec-3", "cancel cancel cancel the fee"));
        SortedMap<Integer, Double> scores =
                index.keywordScores("rec-1", "Did the customer want to cancel because of the fee?");
        // Segment 1 has "cancel" and "fee"; segment 2 "cancellation" (stem "cancel"); segment 0 neither.
        assertEquals(List.of(1, 2), List.copyOf(scores.keySet()));
        assertTrue(scores.get(1) > scores.get(2), scores.toString());
        // No syntax: "-" and "*" are punctuation here, not operators.
        assertEquals(
                List.of(1, 2),
                List.copyOf(index.keywordScores("rec-1", "-cancel* fee!").keySet()));
        assertTrue(index.keywordScores("rec-1", "weather").isEmpty());
        assertTrue(index.keywordScores("no-such-recording", "cancel").isEmpty());
        assertTrue(index.keywordScores("rec-1", "").isEmpty());
        assertTrue(index.keywordScores("rec-1", "*").isEmpty());
        assertTrue(index.keywordScores("rec-1", "the of and").isEmpty());
    }

    @Test
    void segmentsComeFromTranscripts() {
        Segment segment = new Segment("SPEAKER_2", Role.CUSTOMER, 1.5, 3.0, "where is my refund", 0.9);
        index.replace("rec-t", List.of(IndexedSegment.of("acme", "support", "rec-t", segment)));
        SearchHit hit = index.search(request("acme", "refund")).hits().get(0);
        assertEquals("customer", hit.role());
        assertEquals(1.5, hit.start());
        assertEquals(3.0, hit.end());
    }

    @Test
    void requestsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest(" ", Optional.empty(), "x", 10));
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest("acme", Optional.empty(), "x", 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SearchRequest("acme", Optional.empty(), "x", SearchRequest.MAX_LIMIT + 1));
        assertEquals("", new SearchRequest("acme", Optional.empty(), null, 1).query());
        assertThrows(
                IllegalArgumentException.class, () -> new IndexedSegment("", "u", "r", "s", "agent", 0, 1, "text"));
    }

    @Test
    void searchesRunWhileWriting() throws Exception {
        indexBankCalls();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        try {
            Future<?> writer = pool.submit(() -> {
                started.countDown();
                for (int i = 0; i < 60; i++) {
                    String recording = "live-" + (i % 5);
                    index.replace(recording, call("acme", "support", recording, "refund number " + i, "thanks"));
                    if (i % 7 == 0) {
                        index.delete("live-" + ((i + 2) % 5));
                    }
                }
                writing.set(false);
                return null;
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    started.await();
                    int searches = 0;
                    while (writing.get() || searches == 0) {
                        SearchResults results = index.search(request("acme", "refund"));
                        // Replacement is atomic: a live recording has one "refund" segment, never two.
                        assertTrue(results.totalHits() <= 5, "hits " + results.totalHits());
                        assertEquals(
                                2, index.search(request("acme", "northwind")).totalHits());
                        searches++;
                    }
                    return searches;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
            }
        } finally {
            pool.shutdownNow();
        }
        // Every write is visible once it returned: the last write to each live recording won.
        SearchResults finalState = index.search(request("acme", "refund"));
        for (SearchHit hit : finalState.hits()) {
            int number = Integer.parseInt(hit.text().replace("refund number ", ""));
            assertEquals(hit.recording(), "live-" + (number % 5));
            assertTrue(number >= 55, hit.text());
        }
    }
}
