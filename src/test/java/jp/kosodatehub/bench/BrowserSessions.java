package jp.kosodatehub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Anonymous visitors opening the feed in a real browser (Debian's headless Chromium), each in a tab of its own that
 * stays open, as a parent leaves the feed open on a phone: the cookies are forgotten before each visit, so the
 * server opens a new session, and the browser exchanges every message it would once the feed is shown.
 */
final class BrowserSessions implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    BrowserSessions(Path work) throws IOException {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory(work, "chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--lang=ja", "--user-data-dir=" + profile, "--window-size=360,740");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    /** Opens the feed as a new visitor in a new tab, and waits until its cards show and the page is settled. */
    void openFeed(int port) throws InterruptedException {
        driver.manage().deleteAllCookies();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get("http://127.0.0.1:" + port + "/");
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".event-card")));
        Thread.sleep(500);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
