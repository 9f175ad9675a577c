package jp.kosodatehub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.GoalTestData;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Japanese visitor and the office, in a real browser (Debian's Chromium, headless) with Japanese as the
 * preferred language, see and hear no English: the visible text and the accessible names (aria-label, title,
 * placeholder, alt) of every public, member and office page, shadow DOM of Vaadin's components included. Latin
 * words that are not English UI text pass: codes and numbers, addresses, and the abbreviations and names the
 * network's own Japanese texts use (CSV, LINE, QR, OpenStreetMap …).
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ja-texts;DB_CLOSE_DELAY=-1",
    // The development tools float over the page and are in English; no visitor of the real site sees them.
    "vaadin.devmode.devTools.enabled=false"})
class JapaneseTextsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration FIRST_PAGE_WAIT = Duration.ofSeconds(90);

    /** A run of letters, digits and the characters of addresses and codes, between Japanese text or spaces. */
    private static final Pattern CHUNK = Pattern.compile("[A-Za-z0-9._@:/?=&%#+'’-]+");
    private static final Pattern CODE = Pattern.compile(".*([0-9@/_:]|[A-Za-z]\\.[A-Za-z]).*");
    /**
     * Names and file types that the Japanese texts use as they are, and "en": the test's reference data have
     * English names ending in "(en)", which the office's reference page lists as data.
     */
    private static final Set<String> ALLOWED = Set.of("OpenStreetMap", "Excel", "PostgreSQL", "README", "kB",
            "zip", "jpg", "jpeg", "png", "csv", "ics", "rss", "en");

    /** The phone shows the menu as an overlay (the drawer then has its own accessible name); the desktop not. */
    enum Viewport {
        PHONE(390, 844, true),
        DESKTOP(1280, 800, false);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    private static HeadlessChromium chromium;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EventService events;

    @Autowired
    OpeningService openings;

    @Autowired
    GoalService goals;

    @BeforeAll
    static void startBrowser() throws IOException {
        HeadlessChromium.assumeInstalled("the Japanese texts test");
        chromium = HeadlessChromium.start("chromedriver-ja-texts.log", FIRST_PAGE_WAIT, options ->
                options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja-JP,ja")));
        driver = chromium.driver;
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.quit();
            chromium = null;
            driver = null;
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void japanesePagesShowAndReadOutNoEnglish(Viewport size) {
        Organisation hub = fixtures.organisation("hub", true);
        String member = fixtures.member(hub);
        EventDraft draft = TestFixtures.draft(fixtures.kind("子育てサロン"), "ひよこ広場");
        LocalDate day = LocalDate.now(Formats.JAPAN).plusDays(3);
        draft.setStartsAt(day.atTime(10, 0));
        draft.setEndsAt(day.atTime(11, 30));
        draft.setAgeBands(EnumSet.of(AgeBand.AGE_1));
        Event saved = fixtures.as(member, () -> events.save(draft));
        Event event = fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
        Opening draftOpening = fixtures.as(member, () -> openings.save(VolunteerFixtures.draft("ひろばの見守り")));
        Opening opening = fixtures.as(member, () -> openings.submit(draftOpening.getId(), draftOpening.getVersion()));
        String coordinator = fixtures.coordinator();
        GoalTestData plan = new GoalTestData(goals, fixtures, coordinator);

        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width,
                "height", size.height, "deviceScaleFactor", 1, "mobile", size.mobile));
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());

        List<String> english = new ArrayList<>();
        for (String path : List.of("/", "/calendar", "/events/" + event.getId(), "/volunteer",
                "/goals?plan=" + plan.plan.getId(), "/goals/volunteers", "/login")) {
            english.addAll(englishOn(path));
        }
        logIn(coordinator);
        for (String path : List.of("/", "/my/events", "/my/events/new", "/my/events/" + event.getId(),
                "/moderation", "/moderation/" + event.getId(), "/moderation/volunteers", "/moderation/stories",
                "/my/volunteers", "/my/volunteers/openings", "/my/volunteers/openings/" + opening.getId(),
                "/my/volunteers/stories", "/my/indicators", "/goals?plan=" + plan.plan.getId(),
                "/admin/organisations", "/admin/accounts", "/admin/reference", "/admin/goals",
                "/admin/volunteers/access", "/admin/audit", "/admin/backup", "/my/password", "/my/account")) {
            english.addAll(englishOn(path));
        }
        // A date picker's calendar: month and weekday names, today and cancel, drawn only once opened.
        open("/admin/audit");
        driver.executeScript("document.querySelector('vaadin-date-picker').open();");
        waitUpTo(WAIT).withMessage("the calendar did not open").until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.querySelector('vaadin-date-picker').opened;")));
        List<String> calendar = texts();
        assertThat(calendar).as("the open calendar was read")
                .anyMatch(text -> text.contains("vaadin-month-calendar"));
        english.addAll(english("/admin/audit (calendar open)", calendar));

        assertThat(english).as("English text or accessible names on Japanese pages (%s)", size).isEmpty();
    }

    /** Every English word the page shows or names, as "path kind element: text". */
    private List<String> englishOn(String path) {
        open(path);
        return english(path, texts());
    }

    private static List<String> english(String path, List<String> texts) {
        List<String> english = new ArrayList<>();
        for (String text : texts) {
            Set<String> words = englishWords(text.substring(text.indexOf(": ") + 2));
            if (!words.isEmpty()) {
                english.add(path + " " + text + " " + words);
            }
        }
        return english;
    }

    /** The visible texts and accessible names of the page as it is now, as "kind element: text". */
    @SuppressWarnings("unchecked")
    private List<String> texts() {
        // Lit components draw after the server's answer: one more frame for them.
        driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => setTimeout(done, 50));");
        return (List<String>) driver.executeScript("""
                const found = [];
                const where = element => {
                    const host = element.getRootNode().host;
                    return (host ? host.localName + ' > ' : '') + element.localName
                        + (element.id ? '#' + element.id : '');
                };
                const add = (kind, text, element) => {
                    if (text && text.trim()) {
                        found.push(kind + ' ' + where(element) + ': ' + text.trim().replace(/\\s+/g, ' '));
                    }
                };
                const walk = root => {
                    for (const element of root.querySelectorAll('*')) {
                        // Not rendered at all (display: none) or hidden from assistive technology.
                        if (!element.checkVisibility() || element.closest('[aria-hidden=true]')) {
                            continue;
                        }
                        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
                            add(name, element.getAttribute(name), element);
                        }
                        if (!['style', 'script', 'template'].includes(element.localName)
                                && element.checkVisibility({visibilityProperty: true})) {
                            for (const node of element.childNodes) {
                                if (node.nodeType === Node.TEXT_NODE) {
                                    add('text', node.data, element);
                                }
                            }
                        }
                        if (element.shadowRoot) {
                            walk(element.shadowRoot);
                        }
                    }
                };
                walk(document);
                return found;""");
    }

    /** Latin words of two letters or more that are neither codes, addresses, abbreviations nor allowed names. */
    static Set<String> englishWords(String text) {
        Set<String> words = new TreeSet<>();
        Matcher chunks = CHUNK.matcher(text);
        while (chunks.find()) {
            String chunk = chunks.group().replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
            if (chunk.length() < 2 || CODE.matcher(chunk).matches() || ALLOWED.contains(chunk)
                    || chunk.matches("[A-Z]{2,6}")) {
                continue;
            }
            if (chunk.matches("[A-Za-z'’-]+")) {
                words.add(chunk);
            }
        }
        return words;
    }

    private void logIn(String username) {
        open("/login");
        WebElement form = visible(By.tagName("vaadin-login-form"));
        form.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(username);
        form.findElement(By.cssSelector("vaadin-password-field[name='password'] input"))
                .sendKeys(TestFixtures.PASSWORD);
        form.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
        waitUpTo(WAIT).withMessage(() -> "not logged in, still at " + driver.getCurrentUrl())
                .until(d -> !d.findElements(By.cssSelector(".header-user")).isEmpty());
    }

    /** Opens a page and waits until Vaadin has started on it and has no request to the server in flight. */
    private void open(String path) {
        driver.get("http://localhost:" + port + path);
        waitUpTo(FIRST_PAGE_WAIT).withMessage(() -> "Vaadin did not start on " + driver.getCurrentUrl())
                .until(d -> Boolean.TRUE.equals(driver.executeScript("""
                        const clients = window.Vaadin?.Flow?.clients;
                        return !!clients && Object.keys(clients).length > 0
                            && Object.values(clients).every(client => !client.isActive());""")));
    }

    private static WebElement visible(By locator) {
        return waitUpTo(WAIT).withMessage(() -> "nothing visible at " + locator)
                .until(d -> d.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst()
                        .orElse(null));
    }

    private static WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
