package jp.kosodatehub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.JapaneseHolidays;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.Story;
import jp.kosodatehub.volunteers.StoryDraft;
import jp.kosodatehub.volunteers.StoryService;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main journeys in a real browser (Debian's Chromium, headless) against the running application, at a phone
 * and at a desktop size: a parent narrows the feed down and takes an event to their calendar; a salon submits a
 * weekly series through the real form, the office publishes it, and every date appears in the feed. Anything the
 * browser logs as an error fails the test. Screenshots of each step go to target/e2e-screenshots/.
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1",
    // Vaadin's development tools (the "running in development mode" notice, the Copilot toolbar) float over the
    // page: they would cover buttons and every screenshot, and no visitor of the real site ever sees them.
    "vaadin.devmode.devTools.enabled=false"})
class BrowserE2ETest {

    private static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration FIRST_PAGE_WAIT = Duration.ofSeconds(90);
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    // The day that has the keyboard focus in an open date picker calendar (a cell in the month's shadow DOM), as
    // yyyy-mm-dd, or null while the calendar is still moving the focus there.
    private static final String FOCUSED_CALENDAR_DAY = """
            let element = document.activeElement;
            while (element && element.shadowRoot && element.shadowRoot.activeElement) {
                element = element.shadowRoot.activeElement;
            }
            if (!element || element.getAttribute('role') !== 'gridcell' || !element.date) {
                return null;
            }
            const day = element.date;
            return day.getFullYear() + '-' + String(day.getMonth() + 1).padStart(2, '0') + '-'
                + String(day.getDate()).padStart(2, '0');""";

    // Selenium looks for a DevTools binding matching the browser at start-up and warns when its release predates
    // Debian's Chromium. The test talks to the browser through chromedriver only, so the warning is noise.
    // Held in a field: the logging framework keeps loggers weakly and would forget the level.

    /** The sizes the site is designed for: a common phone held upright, and a laptop. */
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

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The parents' events: created once, since every journey may see them. */
    private record ParentEvents(Event weekendForOnes, Event weekdayForOnes, Event weekendForTwos) {
    }

    private static ChromeDriver driver;
    private static HeadlessChromium chromium;
    private static String kindName;
    private static ParentEvents parentEvents;

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EventService events;

    private Viewport viewport;

    /** On failure, keep what the browser showed: the last screenshot is often not the moment it went wrong. */
    @RegisterExtension
    static final TestWatcher KEEP_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (driver == null) {
                return;
            }
            String name = "failed-" + context.getRequiredTestMethod().getName() + "-" + context.getDisplayName()
                    .replaceAll("[^A-Za-z0-9]+", "-");
            try {
                Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    @BeforeAll
    static void startBrowser() throws IOException {
        HeadlessChromium.assumeInstalled("the real-browser test");
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.list(SCREENSHOTS)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        chromium = HeadlessChromium.start("chromedriver.log", FIRST_PAGE_WAIT, options -> {
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja"));
            LoggingPreferences logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
        });
        driver = chromium.driver;
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        parentEvents = null;
        if (chromium != null) {
            chromium.quit();
            chromium = null;
            driver = null;
        }
    }

    @BeforeEach
    void parentsEventsOnce() {
        if (parentEvents != null) {
            return;
        }
        EventKind kind = fixtures.kind("子育てサロン");
        kindName = kind.getNameJa();
        District district = fixtures.district(TestFixtures.unique("富岡"));
        String member = fixtures.member(fixtures.organisation("hub", true));
        LocalDate weekend = nextMatching(today().plusDays(2), JapaneseHolidays::isWeekendOrHoliday);
        LocalDate weekday = nextMatching(today().plusDays(2), day -> !JapaneseHolidays.isWeekendOrHoliday(day));
        parentEvents = new ParentEvents(
                published(member, kind, district, "週末のひよこ広場", weekend, AgeBand.AGE_1),
                published(member, kind, district, "平日のひよこ広場", weekday, AgeBand.AGE_1),
                published(member, kind, district, "週末のよちよち広場", weekend, AgeBand.AGE_2));
    }

    @AfterEach
    void noErrorsLeftInTheConsole() {
        if (driver != null) {
            checkConsole("end of the journey");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void parentNarrowsTheFeedToWeekendEventsForOneYearOldsAndTakesOneToTheirCalendar(Viewport size)
            throws Exception {
        use(size);
        ParentEvents expected = parentEvents;

        open("/");
        waitForText(By.tagName("h1"), "子育てイベントをさがす", WAIT);
        shot("parent-1-feed");

        choose("子どもの年齢", "1歳");
        waitUntil("the age band in the address", d -> query().contains("age=age-1"));
        waitUntil("events for one-year-olds only", d -> feedTitles().contains(expected.weekdayForOnes().getTitle())
                && feedTitles().contains(expected.weekendForOnes().getTitle())
                && !feedTitles().contains(expected.weekendForTwos().getTitle()));
        shot("parent-2-age", By.cssSelector(".feed-count"));

        tick("土日・祝日");
        waitUntil("the weekend filter in the address", d -> query().contains("weekend=1"));
        // Exactly these two; Vaadin keeps query parameters in a hash map, so their order is not the form's.
        assertThat(query().split("&")).containsExactlyInAnyOrder("age=age-1", "weekend=1");
        waitUntil("only the weekend event for one-year-olds",
                d -> feedTitles().equals(List.of(expected.weekendForOnes().getTitle())));
        shot("parent-3-age-and-weekend", By.cssSelector(".feed-count"));

        click(By.xpath("//div[contains(@class,'event-card')]//a[normalize-space()="
                + literal(expected.weekendForOnes().getTitle()) + "]"));
        waitForText(By.tagName("h1"), expected.weekendForOnes().getTitle(), WAIT);
        assertThat(driver.getCurrentUrl()).endsWith("/events/" + expected.weekendForOnes().getId());
        shot("parent-4-event-page");

        WebElement calendarLink = visible(By.xpath("//a[normalize-space()='カレンダーに追加（.ics）']"));
        URI ics = URI.create(calendarLink.getDomProperty("href"));
        assertThat(ics.getPath()).isEqualTo("/events/" + expected.weekendForOnes().getId() + ".ics");
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            response = http.send(HttpRequest.newBuilder(ics).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        assertThat(response.statusCode()).as("HTTP status of %s", ics).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/calendar"));
        assertThat(response.body()).contains("BEGIN:VCALENDAR")
                .contains("SUMMARY:" + expected.weekendForOnes().getTitle());
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void salonSubmitsAWeeklySeriesTheOfficePublishesItAndParentsSeeEveryDate(Viewport size) {
        use(size);
        Organisation salon = fixtures.organisation("salon", false);
        String member = fixtures.member(salon);
        String coordinator = fixtures.coordinator();
        District district = fixtures.district(TestFixtures.unique("六浦"));
        String title = TestFixtures.unique("親子ひろば");
        LocalDate first = nextMatching(today().plusDays(3), day -> !JapaneseHolidays.isWeekendOrHoliday(day));
        LocalDate until = first.plusWeeks(4);
        // The series skips public holidays (the form's default), so those weeks have no date.
        List<LocalDate> dates = first.datesUntil(until.plusDays(1), Period.ofWeeks(1))
                .filter(day -> !JapaneseHolidays.isHoliday(day)).toList();

        logIn(member, "staff-1-login");
        open("/my/events/new");
        WebElement titleInput = visible(fieldInput("vaadin-text-field", "タイトル"));
        choose("種類", kindName);
        choose("地区", district.getNameJa());
        type(titleInput, title);
        enterDateTime("開始", first.atTime(10, 0));
        type(visible(fieldInput("vaadin-text-field", "会場名")), "六浦地区センター");
        tickIn("vaadin-checkbox-group", "対象年齢", "1歳");
        choose("繰り返し", "毎週・隔週");
        String weekday = first.getDayOfWeek().getDisplayName(TextStyle.SHORT, TranslationProvider.JAPANESE);
        waitUntil("the start's weekday proposed", d -> checkedIn("曜日").equals(List.of(weekday)));
        tickIn("vaadin-radio-group", "終わり", "終了日まで");
        enterDate(visible(field("vaadin-date-picker", "終了日")), until);
        shot("staff-2-series-form", field("vaadin-select", "繰り返し"));

        click(button("保存して提出"));
        waitUntil("the saved event's editor", d -> d.getCurrentUrl().matches(".*/my/events/[0-9]+$"));
        waitForText(By.cssSelector(".status-box .badge"), "承認待ち", WAIT);
        shot("staff-3-submitted");
        logOut();

        logIn(coordinator, "staff-4-office-login");
        open("/moderation");
        // The title cell also marks the series (定期開催 and its rule).
        By queued = By.xpath("//vaadin-grid-cell-content//span[contains(@class, 'moderation-title') and "
                + "normalize-space()=" + literal(title) + "]");
        visible(queued);
        visible(By.xpath("//vaadin-grid-cell-content[.//span[normalize-space()=" + literal(title) + "]]"
                + "//span[normalize-space()='定期開催']"));
        shot("staff-5-moderation-queue");
        click(queued);
        waitUntil("the submission's page", d -> d.getCurrentUrl().matches(".*/moderation/[0-9]+$"));
        visible(button("公開する"));
        shot("staff-6-submission");
        click(button("公開する"));
        waitForText(By.cssSelector(".status-box .badge"), "公開中", WAIT);
        shot("staff-7-published");
        logOut();

        open("/?district=" + district.getCode());
        List<String> days = dates.stream().map(day -> Formats.date(day, TranslationProvider.JAPANESE)).toList();
        waitUntil(dates.size() + " weekly dates in the feed", d -> feedDays().equals(days)
                && feedTitles().equals(Collections.nCopies(dates.size(), title)));
        assertThat(feedDays()).hasSizeBetween(3, 5);
        shot("staff-8-feed-series", By.cssSelector(".feed-count"));
    }

    // --- data -----------------------------------------------------------------------------------------------------

    private Event published(String member, EventKind kind, District district, String title, LocalDate day,
                            AgeBand band) {
        EventDraft draft = TestFixtures.draft(kind, title);
        draft.setDistrict(district);
        draft.setStartsAt(day.atTime(10, 0));
        draft.setEndsAt(day.atTime(11, 30));
        draft.setAgeBands(EnumSet.of(band));
        Event saved = fixtures.as(member, () -> events.save(draft));
        // A trusted organisation's submission is published at once.
        return fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
    }

    private static LocalDate today() {
        return LocalDate.now(Formats.JAPAN);
    }

    private static LocalDate nextMatching(LocalDate from, Predicate<LocalDate> wanted) {
        LocalDate day = from;
        while (!wanted.test(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    // --- the browser ----------------------------------------------------------------------------------------------

    @Autowired
    OpeningService openings;

    @Autowired
    StoryService stories;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void visitorOffersHelpWithoutAnAccountAndTheOrganisationFindsTheOfferInItsPipeline(Viewport size) {
        use(size);
        Organisation organisation = fixtures.organisation("見守りの会", true);
        String member = fixtures.member(organisation);
        String role = TestFixtures.unique("ひろばの見守り");
        Opening saved = fixtures.as(member, () -> openings.save(VolunteerFixtures.draft(role)));
        fixtures.as(member, () -> openings.submit(saved.getId(), saved.getVersion()));
        StoryDraft story = new StoryDraft();
        story.setAuthorLabel("大学生ボランティア Aさん");
        story.setSupporterType(SupporterType.UNIVERSITY);
        story.setText("子どもたちが名前を覚えてくれて、毎回行くのが楽しみです。");
        Story written = fixtures.as(member, () -> stories.save(story));
        fixtures.as(member, () -> stories.submit(written.getId(), written.getVersion()));
        String name = "山田 花子 " + size.prefix();

        open("/volunteer");
        waitForText(By.tagName("h1"), "ボランティア募集", WAIT);
        visible(By.xpath("//*[contains(@class,'volunteer-stories')]//*[contains(normalize-space(),"
                + literal("名前を覚えてくれて") + ")]"));
        assertNoSidewaysScrolling();
        shot("volunteer-1-board");

        click(By.xpath("//div[contains(@class,'opening-card')]//a[normalize-space()=" + literal(role) + "]"));
        waitForText(By.tagName("h1"), role, WAIT);
        assertNoSidewaysScrolling();
        type(visible(fieldInput("vaadin-text-field", "お名前")), name);
        type(visible(fieldInput("vaadin-text-field", "メールアドレス")), size.prefix() + "@example.jp");
        choose("年代", "18〜22歳");
        tickIn("vaadin-radio-group", "あてはまるもの", "大学生・専門学校生");
        tick("上記の個人情報の取り扱いに同意します");
        shot("volunteer-2-offer-form", By.cssSelector(".offer-form"));
        click(button("申し込む"));
        visible(By.xpath("//*[normalize-space()=" + literal("お申し込みありがとうございます") + "]"));
        shot("volunteer-3-thanks");

        logIn(member, "volunteer-4-login");
        open("/my/volunteers");
        waitUntil("the offer in the pipeline", d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(cell -> cell.getText().strip().equals(name)));
        shot("volunteer-5-pipeline");
        logOut();
    }

    /** At phone width nothing may stick out sideways: a page that scrolls sideways is hard to use with one hand. */
    private void assertNoSidewaysScrolling() {
        Number overflow = (Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("pixels the page sticks out sideways at %s", driver.getCurrentUrl())
                .isLessThanOrEqualTo(0);
    }

    private void use(Viewport size) {
        viewport = size;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width,
                "height", size.height, "deviceScaleFactor", 1, "mobile", size.mobile));
        // Every journey starts as a new visitor, without the previous one's session. Leave the page first: an open
        // Vaadin page that loses its session cookie reports "cookies disabled" on its next request.
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /**
     * Opens a page and waits until Vaadin has started on it and has no request to the server in flight. The first
     * page of a fresh development-mode server is slow: Vaadin prepares its front-end files on first use.
     */
    private void open(String path) {
        driver.get("http://localhost:" + port + path);
        waitUpTo(FIRST_PAGE_WAIT).withMessage(() -> "Vaadin did not start on " + driver.getCurrentUrl())
                .until(d -> Boolean.TRUE.equals(driver.executeScript("""
                        const clients = window.Vaadin?.Flow?.clients;
                        return !!clients && Object.keys(clients).length > 0
                            && Object.values(clients).every(client => !client.isActive());""")));
    }

    private String query() {
        String query = URI.create(driver.getCurrentUrl()).getRawQuery();
        return query == null ? "" : query;
    }

    private void logIn(String username, String screenshot) {
        open("/login");
        WebElement form = visible(By.tagName("vaadin-login-form"));
        type(form.findElement(By.cssSelector("vaadin-text-field[name='username'] input")), username);
        type(form.findElement(By.cssSelector("vaadin-password-field[name='password'] input")), TestFixtures.PASSWORD);
        shot(screenshot);
        click(form.findElement(By.cssSelector("vaadin-button[slot='submit']")));
        visible(button("ログアウト"));
    }

    private void logOut() {
        click(button("ログアウト"));
        visible(By.cssSelector("a.header-login"));
    }

    private List<String> feedTitles() {
        return driver.findElements(By.cssSelector(".feed-list .event-card-title a")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    private List<String> feedDays() {
        return driver.findElements(By.cssSelector(".feed-list h2.feed-day")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    /** A Vaadin field by its label (the label element sits in the field's light DOM). */
    private static By field(String tag, String label) {
        return By.xpath("//" + tag + "[label[normalize-space()=" + literal(label) + "]]");
    }

    private static By fieldInput(String tag, String label) {
        return By.xpath("//" + tag + "[label[normalize-space()=" + literal(label) + "]]//input");
    }

    private static By button(String text) {
        return By.xpath("//vaadin-button[normalize-space()=" + literal(text) + "]");
    }

    /** Opens a Vaadin select and clicks the option in its drop-down, as a visitor does. */
    private void choose(String label, String option) {
        WebElement select = visible(field("vaadin-select", label));
        By item = By.xpath("//vaadin-select-item[normalize-space()=" + literal(option)
                + "][not(ancestor::vaadin-select-value-button)]");
        // The drop-down slides open; a pointer click during its animation can land on the neighbouring item on a
        // slow machine, so the item is activated directly once it is shown, and the choice is checked.
        for (int attempt = 1; ; attempt++) {
            click(select);
            WebElement choice = visible(item);
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", choice);
            try {
                waitUntil(label + " = " + option, d -> select.findElement(By.tagName("vaadin-select-value-button"))
                        .getText().strip().equals(option));
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Ticks a single checkbox by clicking its label. */
    private void tick(String label) {
        click(By.xpath("//vaadin-checkbox/label[normalize-space()=" + literal(label) + "]"));
    }

    /** Ticks a checkbox or radio button of a group by clicking its label. */
    private void tickIn(String groupTag, String groupLabel, String option) {
        String item = groupTag.equals("vaadin-radio-group") ? "vaadin-radio-button" : "vaadin-checkbox";
        click(By.xpath("//" + groupTag + "[label[normalize-space()=" + literal(groupLabel) + "]]//" + item
                + "/label[normalize-space()=" + literal(option) + "]"));
    }

    private List<String> checkedIn(String groupLabel) {
        return driver.findElements(By.xpath("//vaadin-checkbox-group[label[normalize-space()=" + literal(groupLabel)
                + "]]//vaadin-checkbox[@checked]/label")).stream().map(WebElement::getText).map(String::strip)
                .toList();
    }

    private void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
        // Vaadin sends a text field's value on "change", which the browser fires when the field loses focus.
        input.sendKeys(Keys.TAB);
    }

    private void enterDateTime(String label, LocalDateTime value) {
        WebElement picker = visible(field("vaadin-date-time-picker", label));
        enterDate(picker.findElement(By.tagName("vaadin-date-picker")), value.toLocalDate());
        WebElement time = picker.findElement(By.cssSelector("vaadin-time-picker"));
        WebElement timeInput = time.findElement(By.tagName("input"));
        click(timeInput);
        timeInput.sendKeys(value.toLocalTime().toString(), Keys.ENTER);
        waitUntil(label + " time", d -> value.toLocalTime().toString().equals(time.getDomProperty("value")));
    }

    /**
     * On a desktop the date is typed, in the Japanese format. At phone width Vaadin's date picker opens a
     * full-screen calendar instead of taking text; there the date is picked in the calendar with the arrow keys
     * (up and down: a week, left and right: a day) from the day the calendar focuses, and taken with Enter.
     */
    private void enterDate(WebElement picker, LocalDate date) {
        WebElement input = picker.findElement(By.tagName("input"));
        click(input);
        if (viewport.mobile) {
            LocalDate focused = LocalDate.parse(waitUpTo(WAIT).withMessage(() -> "no day focused in the calendar")
                    .until(d -> (String) driver.executeScript(FOCUSED_CALENDAR_DAY)));
            long days = ChronoUnit.DAYS.between(focused, date);
            Actions keys = new Actions(driver);
            for (long week = 0; week < Math.abs(days / 7); week++) {
                keys.sendKeys(days > 0 ? Keys.ARROW_DOWN : Keys.ARROW_UP);
            }
            for (long day = 0; day < Math.abs(days % 7); day++) {
                keys.sendKeys(days > 0 ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
            }
            keys.sendKeys(Keys.ENTER).perform();
        } else {
            input.sendKeys(TYPED_DATE.format(date), Keys.ENTER);
        }
        waitUntil("date " + date, d -> date.toString().equals(picker.getDomProperty("value")));
    }

    private void click(By locator) {
        // The driver counts an element scrolled above the page's scroll area as not displayed: bring it into view
        // first (the feed's length decides how far a screenshot of its lower part scrolls).
        try {
            driver.findElements(locator).stream().findFirst().ifPresent(element -> driver.executeScript(
                    "arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element));
        } catch (StaleElementReferenceException e) {
            // Replaced by the server meanwhile: waiting for it to be visible finds the new one.
        }
        click(visible(locator));
    }

    /**
     * Brings the element to the middle of the screen first: the page scrolls inside Vaadin's app layout, which
     * chromedriver does not always manage. A click that lands on something else (an overlay still sliding in) is
     * not delivered at all, so it is safe to try again.
     */
    private void click(WebElement element) {
        waitUpTo(WAIT).ignoring(ElementClickInterceptedException.class)
                .withMessage(() -> "could not click " + element).until(d -> {
                    if (!element.isDisplayed() || !element.isEnabled()) {
                        return false;
                    }
                    driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})",
                            element);
                    element.click();
                    return true;
                });
    }

    private WebElement visible(By locator) {
        return waitUpTo(WAIT).withMessage(() -> "nothing visible at " + locator)
                .until(d -> d.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst()
                        .orElse(null));
    }

    private void waitForText(By locator, String text, Duration timeout) {
        waitUpTo(timeout).withMessage(() -> "no \"" + text + "\" at " + locator)
                .until(d -> d.findElements(locator).stream().anyMatch(element -> element.getText().strip()
                        .equals(text)));
    }

    private void waitUntil(String what, Function<WebDriver, Boolean> condition) {
        waitUpTo(WAIT).withMessage(() -> "waiting for " + what + " at " + page()).until(condition);
    }

    /** Where the browser is and what the feed lists, for failure messages. */
    private String page() {
        try {
            return driver.getCurrentUrl() + " (feed: " + feedDays() + " " + feedTitles() + ")";
        } catch (RuntimeException e) {
            return driver.getCurrentUrl();
        }
    }

    /** Vaadin replaces parts of the page as the server answers: an element seen a moment ago may be gone. */
    private static WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** A screenshot with the given element at the top of the screen, for what lies below the first screenful. */
    private void shot(String name, By scrollTo) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", visible(scrollTo));
        shot(name);
    }

    private void shot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(viewport.prefix() + "-" + name + ".png"),
                    driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkConsole(name);
    }

    /** Every message the browser logged at error level since the last check fails the test. */
    private static void checkConsole(String step) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        assertThat(errors).as("errors in the browser console up to step '%s'", step).isEmpty();
    }

    /** An XPath string literal for any text (titles may hold quotes). */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
