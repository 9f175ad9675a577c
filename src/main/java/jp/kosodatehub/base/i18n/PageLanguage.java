package jp.kosodatehub.base.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jp.kosodatehub.base.ui.ComponentTexts;
import org.springframework.stereotype.Component;

/**
 * Tells the browser which language each page is in (the html element's lang), so screen readers pronounce English
 * pages as English and browsers offer the right translation. Vaadin writes the lang of the first page before the
 * visitor's language is known, so every page in English would otherwise claim to be Japanese.
 */
@Component
class PageLanguage implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            ui.getElement().executeJs("document.documentElement.lang = $0", ui.getLocale().getLanguage());
            ComponentTexts.connectionTexts(ui);
        });
    }
}
