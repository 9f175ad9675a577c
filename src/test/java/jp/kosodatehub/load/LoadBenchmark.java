package jp.kosodatehub.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A bounded load test on loopback, not part of {@code ./mvnw verify} (its name is no test name surefire picks up):
 * {@code ./mvnw test -Pload}. For {@code load.seconds} (60) it runs {@code load.visitors} (100) anonymous visitors
 * opening the feed, event pages, the volunteer board and the feeds, and {@code load.editors} (10) members saving
 * their events over and over — two of them always on the same event, so that conflicting saves happen and must be
 * retried rather than lost. It then stops by itself, prints latency figures per kind of request and fails on any
 * error or lost write.
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBenchmark {

    private static final int SECONDS = Integer.getInteger("load.seconds", 60);
    private static final int VISITORS = Integer.getInteger("load.visitors", 100);
    private static final int EDITORS = Integer.getInteger("load.editors", 10);

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EventService events;

    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

    @Test
    void hundredVisitorsAndTenEditorsForAMinuteWithoutErrorsOrLostWrites() throws Exception {
        EventKind kind = fixtures.kind("ひろば");
        String publisher = fixtures.member(fixtures.organisation("load-hub", true));
        List<Long> publicEvents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            EventDraft draft = TestFixtures.draft(kind, "負荷テストのひろば " + i);
            draft.setStartsAt(LocalDate.now().plusDays(1 + i % 20).atTime(10, 0));
            draft.setEndsAt(LocalDate.now().plusDays(1 + i % 20).atTime(12, 0));
            Event saved = fixtures.as(publisher, () -> events.save(draft));
            publicEvents.add(fixtures.as(publisher, () -> events.submit(saved.getId(), saved.getVersion())).getId());
        }
        // Editors in pairs: each pair shares one organisation and one event, so their saves collide.
        List<String> editors = new ArrayList<>();
        List<Long> edited = new ArrayList<>();
        for (int pair = 0; pair < (EDITORS + 1) / 2; pair++) {
            Organisation organisation = fixtures.organisation("load-editors", false);
            String first = fixtures.member(organisation);
            String second = fixtures.member(organisation);
            EventDraft draft = TestFixtures.draft(kind, "編集の負荷テスト " + pair);
            draft.setCapacity(0);
            Long id = fixtures.as(first, () -> events.save(draft)).getId();
            editors.add(first);
            edited.add(id);
            if (editors.size() < EDITORS) {
                editors.add(second);
                edited.add(id);
            }
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
        // The first page of a development-mode server prepares its front-end files: not part of the figures.
        http.send(get("/"), HttpResponse.BodyHandlers.discarding());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        AtomicLong saves = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        Map<Long, AtomicLong> savesPerEvent = new ConcurrentHashMap<>();
        // Editors save in this JVM, as Tomcat's request threads would: on platform threads of their own. As virtual
        // threads their saves, which hardly ever block, kept both carrier threads of a 2-core machine busy, and the
        // visitors' virtual threads could not even send (every visit timed out; 55,000 saves in a minute).
        try (ExecutorService visitors = Executors.newVirtualThreadPerTaskExecutor();
             ExecutorService members = Executors.newFixedThreadPool(editors.size())) {
            for (int v = 0; v < VISITORS; v++) {
                visitors.submit(() -> visit(http, publicEvents, deadline));
            }
            for (int e = 0; e < editors.size(); e++) {
                String editor = editors.get(e);
                Long eventId = edited.get(e);
                members.submit(() -> edit(editor, eventId, deadline, saves, conflicts,
                        savesPerEvent.computeIfAbsent(eventId, id -> new AtomicLong())));
            }
        }

        long lost = 0;
        for (Map.Entry<Long, AtomicLong> entry : savesPerEvent.entrySet()) {
            String owner = editors.get(edited.indexOf(entry.getKey()));
            Integer capacity = fixtures.as(owner, () -> events.loadForEdit(entry.getKey())).getCapacity();
            // Every successful save added one: anything less is a save that silently undid another.
            lost += entry.getValue().get() - (capacity == null ? 0 : capacity);
        }
        report(saves.get(), conflicts.get(), lost);
        assertThat(errors.values().stream().mapToInt(AtomicInteger::get).sum()).as("failed requests, e.g. %s",
                errorSamples.stream().limit(5).toList()).isZero();
        assertThat(lost).as("lost writes").isZero();
        assertThat(saves.get()).as("saves made").isPositive();
    }

    private void visit(HttpClient http, List<Long> publicEvents, long deadline) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
            int pick = random.nextInt(100);
            String kind;
            String path;
            if (pick < 30) {
                kind = "feed page";
                path = "/";
            } else if (pick < 55) {
                kind = "event page";
                path = "/events/" + publicEvents.get(random.nextInt(publicEvents.size()));
            } else if (pick < 65) {
                kind = "volunteer board";
                path = "/volunteer";
            } else if (pick < 75) {
                kind = "ICS feed";
                path = "/feeds/events.ics";
            } else if (pick < 85) {
                kind = "RSS feed";
                path = "/feeds/events.rss";
            } else {
                kind = "JSON API";
                path = "/api/events?size=20";
            }
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
                record(kind, start);
                if (response.statusCode() >= 400) {
                    error(kind, path + " → " + response.statusCode());
                }
            } catch (Exception e) {
                error(kind, path + " → " + e);
            }
        }
    }

    private void edit(String editor, Long eventId, long deadline, AtomicLong saves, AtomicLong conflicts,
                      AtomicLong savesOfThisEvent) {
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            try {
                fixtures.as(editor, () -> {
                    EventDraft draft = events.loadForEdit(eventId);
                    draft.setCapacity((draft.getCapacity() == null ? 0 : draft.getCapacity()) + 1);
                    draft.setDescription("編集 " + editor + " " + System.nanoTime());
                    return events.save(draft);
                });
                record("member save", start);
                saves.incrementAndGet();
                savesOfThisEvent.incrementAndGet();
            } catch (OptimisticLockingFailureException e) {
                // The other editor saved first: reload and try again, as the editor's dialog offers.
                conflicts.incrementAndGet();
            } catch (RuntimeException e) {
                error("member save", e.toString());
            }
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept-Language", "ja").GET().build();
    }

    private void record(String kind, long startNanos) {
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - startNanos);
    }

    private void error(String kind, String sample) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (errorSamples.size() < 20) {
            errorSamples.add(sample);
        }
    }

    private void report(long saves, long conflicts, long lost) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nLoad: %d s, %d visitors, %d editors, %d CPUs%n", SECONDS, VISITORS,
                EDITORS, Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "%-16s %8s %8s %8s %8s %8s %8s%n", "request", "count", "per s",
                "errors", "median", "p95", "max"));
        long total = 0;
        for (String kind : latencies.keySet().stream().sorted().toList()) {
            List<Long> values = new ArrayList<>(latencies.get(kind));
            Collections.sort(values);
            total += values.size();
            out.append(String.format(Locale.ROOT, "%-16s %8d %8.1f %8d %6.1fms %6.1fms %6.1fms%n", kind,
                    values.size(), values.size() / (double) SECONDS,
                    errors.getOrDefault(kind, new AtomicInteger()).get(), millis(percentile(values, 50)),
                    millis(percentile(values, 95)), millis(values.getLast())));
        }
        out.append(String.format(Locale.ROOT, "all requests: %d (%.1f/s); member saves %d, conflicts retried %d, "
                + "lost writes %d%n", total, total / (double) SECONDS, saves, conflicts, lost));
        System.out.println(out);
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
