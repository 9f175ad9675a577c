package jp.kosodatehub.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code --kosodate.training-run=true}: the training start for the JVM's ahead-of-time cache (docs/operations.md, "Production
 * build"). Once the application is ready it asks itself for the public pages and feeds, as the first visitors
 * would, and then stops, so the cache written at exit holds what a whole start and the first requests load and
 * run, not only the bean definitions ({@code spring.context.exit=onRefresh} stops before the web server starts).
 */
@Component
class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    private static final List<String> PATHS = List.of("/", "/?v-r=init&location=&query=", "/calendar",
            "/?v-r=init&location=calendar&query=", "/volunteer", "/goals", "/feeds/events.ics", "/feeds/events.rss",
            "/feeds/events.atom", "/api/events", "/actuator/health/readiness");

    private final ConfigurableApplicationContext context;
    private final boolean enabled;

    // Read at run time, not a condition on the bean: Spring's AOT mode fixes conditions when the jar is built.
    TrainingRun(ConfigurableApplicationContext context, @Value("${kosodate.training-run:false}") boolean enabled) {
        this.context = context;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void visitAndStop() {
        if (!enabled) {
            return;
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        // A thread of its own: the ready event must return before the context can be closed.
        Thread.ofPlatform().name("training-run").start(() -> {
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
                for (String path : PATHS) {
                    visit(http, "http://localhost:" + port + path);
                }
            }
            System.exit(SpringApplication.exit(context));
        });
    }

    private static void visit(HttpClient http, String address) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(address))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
            LOG.info("Training run: {} {}", response.statusCode(), address);
        } catch (IOException e) {
            LOG.warn("Training run: {} failed: {}", address, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
