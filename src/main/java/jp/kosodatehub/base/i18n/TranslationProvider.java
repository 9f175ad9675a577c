package jp.kosodatehub.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Japanese first: a visitor gets Japanese unless the browser prefers English. Vaadin picks the first provided
 * locale when none of the browser's languages match, so the order of {@link #LOCALES} matters.
 */
@Component
public class TranslationProvider implements I18NProvider {

    public static final Locale JAPANESE = Locale.JAPAN;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(JAPANESE, ENGLISH);
    static final String BUNDLE = "vaadin-i18n.translations";

    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        ResourceBundle bundle = bundle(locale);
        if (!bundle.containsKey(key)) {
            log.warn("Missing translation '{}' for {}", key, bundle.getLocale());
            return "!" + key;
        }
        String text = bundle.getString(key);
        return params.length == 0 ? text : new MessageFormat(text, bundle.getLocale()).format(params);
    }

    public static ResourceBundle bundle(Locale locale) {
        Locale chosen = locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : JAPANESE;
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.of(chosen.getLanguage()), NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Translations missing for " + chosen, e);
        }
    }
}
