package jp.kosodatehub.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.events.Facility;
import jp.kosodatehub.events.FeedParameters;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.goals.ComputedDefinition;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.Judgement;
import jp.kosodatehub.goals.TargetImageStatus;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.organisations.OrganisationKind;
import jp.kosodatehub.security.AccountRole;
import jp.kosodatehub.volunteers.AccessAction;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.OpeningSchedule;
import jp.kosodatehub.volunteers.PostStatus;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerAgeBand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)[^}]*}");

    private static Properties japanese;
    private static Properties english;
    private static final Pattern ENTITY_GRAPH = Pattern.compile("attributePaths\\s*=\\s*\\{[^}]*}");

    private static List<String> sources;

    @BeforeAll
    static void load() throws IOException {
        japanese = properties("/vaadin-i18n/translations_ja.properties");
        english = properties("/vaadin-i18n/translations_en.properties");
        assertThat(MAIN_SOURCES).as("main sources, relative to the module directory").isDirectory();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(TranslationsTest::read).toList();
        }
    }

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() {
        Set<String> missingInEnglish = difference(japanese.stringPropertyNames(), english.stringPropertyNames());
        Set<String> missingInJapanese = difference(english.stringPropertyNames(), japanese.stringPropertyNames());

        assertThat(japanese).as("Japanese translations").isNotEmpty();
        assertThat(missingInEnglish).as("keys missing in translations_en.properties").isEmpty();
        assertThat(missingInJapanese).as("keys missing in translations_ja.properties").isEmpty();
    }

    @Test
    void noTranslationIsBlank() {
        assertThat(blankKeys(japanese)).as("blank values in translations_ja.properties").isEmpty();
        assertThat(blankKeys(english)).as("blank values in translations_en.properties").isEmpty();
    }

    @Test
    void everyKeyLiterallyPassedToGetTranslationExists() {
        Set<String> literals = getTranslationLiterals();
        Set<String> keys = literals.stream().filter(text -> KEY_SHAPE.matcher(text).matches())
                .collect(Collectors.toCollection(TreeSet::new));
        // A literal ending in a dot is the start of a key completed at run time ("admin.account.role." + role).
        Set<String> prefixesWithoutKeys = literals.stream().filter(text -> text.endsWith("."))
                .filter(prefix -> japanese.stringPropertyNames().stream().noneMatch(key -> key.startsWith(prefix)))
                .collect(Collectors.toCollection(TreeSet::new));

        // Guards against a broken scanner passing vacuously.
        assertThat(keys).hasSizeGreaterThan(50).contains("app.name", "login.title");
        assertMissingNowhere(keys);
        assertThat(prefixesWithoutKeys).as("key prefixes no translation starts with").isEmpty();
    }

    @Test
    void everyKeyBuiltFromAnEnumExists() {
        Set<String> keys = new TreeSet<>();
        Arrays.stream(AgeBand.values()).map(AgeBand::translationKey).forEach(keys::add);
        Arrays.stream(EventStatus.values()).map(EventStatus::translationKey).forEach(keys::add);
        Arrays.stream(OrganisationKind.values()).map(OrganisationKind::translationKey).forEach(keys::add);
        Arrays.stream(TargetGroup.values()).map(TargetGroup::translationKey).forEach(keys::add);
        Arrays.stream(Facility.values()).map(Facility::translationKey).forEach(keys::add);
        Arrays.stream(FeedParameters.When.values()).map(FeedParameters.When::translationKey).forEach(keys::add);
        Arrays.stream(Judgement.values()).map(Judgement::translationKey).forEach(keys::add);
        Arrays.stream(TargetImageStatus.values()).map(TargetImageStatus::translationKey).forEach(keys::add);
        Arrays.stream(IndicatorKind.values()).map(IndicatorKind::translationKey).forEach(keys::add);
        Arrays.stream(Direction.values()).map(Direction::translationKey).forEach(keys::add);
        Arrays.stream(UpdateFrequency.values()).map(UpdateFrequency::translationKey).forEach(keys::add);
        Arrays.stream(ComputedDefinition.Source.values()).map(ComputedDefinition.Source::translationKey)
                .forEach(keys::add);
        Arrays.stream(SupporterType.values()).map(SupporterType::translationKey).forEach(keys::add);
        Arrays.stream(VolunteerAgeBand.values()).map(VolunteerAgeBand::translationKey).forEach(keys::add);
        Arrays.stream(ApplicantStatus.values()).map(ApplicantStatus::translationKey).forEach(keys::add);
        Arrays.stream(PostStatus.values()).map(PostStatus::translationKey).forEach(keys::add);
        Arrays.stream(OpeningSchedule.values()).map(OpeningSchedule::translationKey).forEach(keys::add);
        Arrays.stream(AccessAction.values()).map(AccessAction::translationKey).forEach(keys::add);
        // The accounts view builds the role's key by hand rather than through an enum method.
        Arrays.stream(AccountRole.values())
                .map(role -> "admin.account.role." + role.name().toLowerCase(Locale.ROOT))
                .forEach(keys::add);

        assertMissingNowhere(keys);
    }

    @Test
    void everyKeyShapedLiteralInATranslatedNamespaceExists() {
        // Catches keys handed around as labelKey/titleKey or raised as validation problems, which never appear
        // directly inside getTranslation(...).
        Set<String> namespaces = japanese.stringPropertyNames().stream()
                .map(key -> key.substring(0, key.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> literals = sources.stream()
                // Entity graph paths ("event.kind") look like keys but are property paths, not texts.
                .map(code -> ENTITY_GRAPH.matcher(code).replaceAll(""))
                .flatMap(TranslationsTest::stringLiterals)
                .filter(text -> KEY_SHAPE.matcher(text).matches())
                .filter(text -> namespaces.contains(text.substring(0, text.indexOf('.'))))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(literals).contains("validation.required", "password.too-short", "account.username-format");
        assertMissingNowhere(literals);
    }

    @Test
    void expectantParentsReadTheSameAsAgeBandAndAsTargetGroup() {
        String ageBand = AgeBand.PRENATAL.translationKey();
        String targetGroup = TargetGroup.EXPECTANT_PARENTS.translationKey();

        assertThat(japanese.getProperty(ageBand)).isEqualTo(japanese.getProperty(targetGroup))
                // The order the network writes in its own guideline (金沢区子育て支援の協働の指針, 第5期).
                .isEqualTo("プレパパ・プレママ");
        assertThat(english.getProperty(ageBand)).isEqualTo(english.getProperty(targetGroup));
    }

    @Test
    void placeholdersMatchBetweenLanguages() {
        Map<String, String> mismatches = new TreeMap<>();
        for (String key : japanese.stringPropertyNames()) {
            Set<Integer> ja = placeholders(japanese.getProperty(key));
            Set<Integer> en = placeholders(english.getProperty(key, ""));
            if (!ja.equals(en)) {
                mismatches.put(key, "ja " + ja + " / en " + en);
            }
        }

        assertThat(placeholders(japanese.getProperty("nav.moderation-waiting"))).containsExactly(0);
        assertThat(mismatches).as("keys whose {n} placeholders differ between ja and en").isEmpty();
    }

    /** Letters for plain placeholders, numbers where the text counts ({0,choice,1#1 session|1<{0} sessions}). */
    private static Object[] arguments(String text) {
        Object[] arguments = new Object[3];
        for (int i = 0; i < arguments.length; i++) {
            boolean counted = text.matches("(?s).*\\{" + i + ",(choice|number).*");
            arguments[i] = counted ? (Object) (i + 1) : String.valueOf((char) ('A' + i));
        }
        return arguments;
    }

    @Test
    void englishCountsReadInTheSingularForOne() {
        String one = new MessageFormat(english.getProperty("series.describe.count-skipped"), Locale.ENGLISH)
                .format(new Object[] {1, "13 March 2028", 1});
        String twelve = new MessageFormat(english.getProperty("series.describe.count-skipped"), Locale.ENGLISH)
                .format(new Object[] {12, "13 March 2028", 2});

        assertThat(one).contains("1 session, on 13 March 2028").contains("1 day off").contains(" is not counted")
                .doesNotContain("sessions").doesNotContain("days off");
        assertThat(twelve).contains("12 sessions, the last on 13 March 2028").contains("2 days off")
                .contains(" are not counted");
    }

    @Test
    void textsWithPlaceholdersSurviveMessageFormat() {
        // MessageFormat eats single apostrophes and breaks on stray braces, which only shows once a text gets
        // parameters: format every parameterised text and look for the damage.
        List<String> broken = new ArrayList<>();
        for (Properties bundle : List.of(japanese, english)) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (placeholders(text).isEmpty()) {
                    continue;
                }
                try {
                    String formatted = new MessageFormat(text, Locale.ROOT).format(arguments(text));
                    if (text.contains("'") && !formatted.contains("'")) {
                        broken.add(key + ": apostrophe lost");
                    }
                } catch (IllegalArgumentException e) {
                    broken.add(key + ": " + e.getMessage());
                }
            }
        }

        assertThat(broken).isEmpty();
    }

    @Test
    void japaneseIsServedForJapanAndForUnsupportedLanguages() {
        TranslationProvider provider = new TranslationProvider();
        String expected = japanese.getProperty("app.name");
        assertThat(expected).isNotEqualTo(english.getProperty("app.name"));

        assertThat(provider.getTranslation("app.name", Locale.JAPAN)).isEqualTo(expected);
        assertThat(provider.getTranslation("app.name", Locale.JAPANESE)).isEqualTo(expected);
        assertThat(provider.getTranslation("app.name", Locale.GERMAN)).isEqualTo(expected);
        assertThat(provider.getTranslation("app.name", Locale.SIMPLIFIED_CHINESE)).isEqualTo(expected);
        assertThat(provider.getTranslation("app.name", (Locale) null)).isEqualTo(expected);
    }

    @Test
    void englishIsServedForAnyEnglishLocale() {
        TranslationProvider provider = new TranslationProvider();
        String expected = english.getProperty("app.name");

        assertThat(provider.getTranslation("app.name", Locale.ENGLISH)).isEqualTo(expected);
        assertThat(provider.getTranslation("app.name", Locale.US)).isEqualTo(expected);
        assertThat(provider.getTranslation("app.name", Locale.UK)).isEqualTo(expected);
    }

    @Test
    void parametersAreFilledInAndMissingKeysAreMadeVisible() {
        TranslationProvider provider = new TranslationProvider();

        assertThat(provider.getTranslation("nav.moderation-waiting", Locale.JAPAN, 7)).contains("7")
                .doesNotContain("{0}");
        assertThat(provider.getTranslation("nav.moderation-waiting", Locale.ENGLISH, 7)).contains("7")
                .doesNotContain("{0}");
        assertThat(provider.getTranslation("no.such.key", Locale.JAPAN)).isEqualTo("!no.such.key");
    }

    @Test
    void providedLocalesStartWithJapanese() {
        List<Locale> locales = new TranslationProvider().getProvidedLocales();

        assertThat(locales).isNotEmpty();
        assertThat(locales.getFirst().getLanguage()).isEqualTo("ja");
        assertThat(locales).extracting(Locale::getLanguage).containsExactly("ja", "en");
    }

    @Test
    void bundleLookupMatchesTheFilesOnDisk() {
        assertThat(TranslationProvider.bundle(Locale.JAPAN).getString("login.title"))
                .isEqualTo(japanese.getProperty("login.title"));
        assertThat(TranslationProvider.bundle(Locale.US).getString("login.title"))
                .isEqualTo(english.getProperty("login.title"));
        assertThat(TranslationProvider.bundle(Locale.JAPAN).keySet())
                .containsExactlyInAnyOrderElementsOf(japanese.stringPropertyNames());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static void assertMissingNowhere(Set<String> keys) {
        assertThat(difference(keys, japanese.stringPropertyNames()))
                .as("keys used in code but missing in translations_ja.properties").isEmpty();
        assertThat(difference(keys, english.stringPropertyNames()))
                .as("keys used in code but missing in translations_en.properties").isEmpty();
    }

    /** String literals in the first argument of every getTranslation(...) call, ternaries included. */
    private static Set<String> getTranslationLiterals() {
        Set<String> keys = new TreeSet<>();
        for (String source : sources) {
            int at = source.indexOf("getTranslation(");
            while (at >= 0) {
                String argument = firstArgument(source, at + "getTranslation(".length());
                stringLiterals(argument).forEach(keys::add);
                at = source.indexOf("getTranslation(", at + 1);
            }
        }
        return keys;
    }

    /** The text up to the first top-level comma or the closing parenthesis, skipping over string literals. */
    private static String firstArgument(String source, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth == 0 || c == ',' && depth == 0) {
                return source.substring(start, i);
            } else if (c == ')') {
                depth--;
            }
        }
        return source.substring(start);
    }

    private static Stream<String> stringLiterals(String code) {
        Matcher matcher = STRING_LITERAL.matcher(code);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found.stream();
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        return found;
    }

    private static Set<String> blankKeys(Properties bundle) {
        return bundle.stringPropertyNames().stream()
                .filter(key -> bundle.getProperty(key).isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new TreeSet<>(left);
        result.removeAll(right);
        return result;
    }

    private static Properties properties(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
