package jp.kosodatehub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian's wrk, the HTTP load tool, on loopback: requests per second for one address. */
final class Wrk {

    static final Path BINARY = Path.of("/usr/bin/wrk");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");

    /** Requests per second, and the socket errors (timeouts) wrk saw, if any. */
    record Result(double requestsPerSecond, String socketErrors, String output) {

        String describe() {
            return String.format(java.util.Locale.ROOT, "%.0f/s", requestsPerSecond)
                    + (socketErrors == null ? "" : " (socket errors: " + socketErrors + ")");
        }
    }

    private final int threads;
    private final int connections;
    private final int seconds;

    Wrk(int threads, int connections, int seconds) {
        this.threads = threads;
        this.connections = connections;
        this.seconds = seconds;
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    Result run(String url, Map<String, String> headers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-t" + threads, "-c" + connections,
                "-d" + seconds + "s",
                "--timeout", "30s"));
        headers.forEach((name, value) -> {
            command.add("-H");
            command.add(name + ": " + value);
        });
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher errors = ERRORS.matcher(output);
        if (errors.find()) {
            throw new IllegalStateException("wrk saw " + errors.group(1) + " error responses from " + url);
        }
        Matcher socketErrors = SOCKET_ERRORS.matcher(output);
        Matcher rate = RATE.matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("No rate in wrk's output: " + output);
        }
        return new Result(Double.parseDouble(rate.group(1)), socketErrors.find() ? socketErrors.group(1) : null,
                output);
    }
}
