package jp.kosodatehub.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.function.Predicate;
import jp.kosodatehub.base.validation.TextRules;

/**
 * Asks for the reason of a decision that others must understand (sending back, cancelling). The reason is
 * required; the dialog stays open, with the problem shown, until the action succeeds or the user cancels.
 */
public class ReasonDialog extends Dialog {

    private final TextArea reason = new TextArea();

    /**
     * @param action receives the reason; returns whether it succeeded (a refusal has been shown already)
     */
    public ReasonDialog(String title, String explanation, String confirmText, int maxLength,
                        Predicate<String> action) {
        setHeaderTitle(title);
        reason.setLabel(getTranslation("reason.label"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(maxLength);
        reason.setWidthFull();
        reason.setMinHeight("8em");
        add(new Paragraph(explanation), reason);
        Button confirm = new Button(confirmText, click -> {
            String key = TextRules.check(reason.getValue(), true, maxLength, true);
            if (key != null) {
                reason.setErrorMessage(getTranslation(key));
                reason.setInvalid(true);
                return;
            }
            if (action.test(reason.getValue())) {
                close();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, confirm);
        setWidth("min(36rem, 100vw)");
    }

    public Map<String, TextArea> fields() {
        return Map.of("reason", reason);
    }
}
