package jp.kosodatehub.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.kosodatehub.base.ui.Formats;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver, as every browser test starts it: headless, in Japanese,
 * in Japan's time zone, with a fresh profile under target/ that {@link #quit()} removes again. Never a browser of
 * Selenium's own: the explicit driver makes Selenium skip Selenium Manager, which would look for (and download) one.
 */
final class HeadlessChromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** It warns on every start that it has no DevTools protocol of exactly this Chromium's version. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test class, saying what to install, when the packages are missing. */
    static void assumeInstalled(String test) {
        Assumptions.assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "Skipping " + test + ": it needs Debian's chromium and chromium-driver packages (" + BINARY + ", "
                        + DRIVER + "). Install them with 'apt-get install chromium chromium-driver fonts-noto-cjk'.");
    }

    /**
     * @param driverLog the chromedriver's log file under target/
     * @param firstPageWait page load time limit: the first page of a Vaadin app in development mode is slow
     * @param options further options of the test (languages, logging)
     */
    static HeadlessChromium start(String driverLog, Duration firstPageWait, Consumer<ChromeOptions> options)
            throws IOException {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        Path target = Files.createDirectories(Path.of("target"));
        Path profile = Files.createTempDirectory(target, "chromium-profile-");
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(BINARY.toString());
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--lang=ja", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000");
        options.accept(chrome);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .withLogFile(target.resolve(driverLog).toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, chrome);
        driver.manage().timeouts().pageLoadTimeout(firstPageWait);
        // The dates in the feed and the calendars of the date pickers are Japan's, wherever the test runs.
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", Formats.JAPAN.getId()));
        return new HeadlessChromium(driver, profile);
    }

    void quit() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
