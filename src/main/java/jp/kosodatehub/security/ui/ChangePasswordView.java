package jp.kosodatehub.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.security.AccountService;
import jp.kosodatehub.security.PasswordPolicy;

/** Every staff member changes their own password here, for instance after the office has reset it. */
@Route(value = "my/password")
@PermitAll
class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    private final transient AccountService accounts;
    private final PasswordField current = ComponentTexts.texts(new PasswordField());
    private final PasswordField newPassword = ComponentTexts.texts(new PasswordField());
    private final PasswordField repeat = ComponentTexts.texts(new PasswordField());

    ChangePasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");

        current.setLabel(getTranslation("password.change.current"));
        newPassword.setLabel(getTranslation("password.change.new"));
        newPassword.setHelperText(getTranslation("password.change.new-helper"));
        repeat.setLabel(getTranslation("password.change.repeat"));
        for (PasswordField field : List.of(current, newPassword, repeat)) {
            field.setRequiredIndicatorVisible(true);
            field.setMaxLength(PasswordPolicy.MAX_BYTES);
            // The service's rules decide; the fields' own checks would flag the emptied form after a success.
            field.setManualValidation(true);
            field.addValueChangeListener(change -> field.setInvalid(false));
        }
        // Tells password managers which field to fill and which one to offer a generated password for.
        current.getElement().setAttribute("autocomplete", "current-password");
        newPassword.getElement().setAttribute("autocomplete", "new-password");
        repeat.getElement().setAttribute("autocomplete", "new-password");

        Button submit = new Button(getTranslation("password.change.submit"), click -> change());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(current, newPassword, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("28rem");
        add(new H1(getTranslation("password.change.title")), form, submit);
    }

    private void change() {
        for (PasswordField field : List.of(current, newPassword, repeat)) {
            field.setInvalid(false);
        }
        // Checked here, not in the service: only the form knows that the password was typed twice.
        if (!newPassword.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("password.change.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        Boolean changed = Feedback.attempt(this, () -> {
            accounts.changeOwnPassword(current.getValue(), newPassword.getValue());
            return Boolean.TRUE;
        }, Map.of("currentPassword", current, "newPassword", newPassword), null);
        if (changed != null) {
            current.clear();
            newPassword.clear();
            repeat.clear();
            Feedback.success(getTranslation("password.change.done"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.change.title");
    }
}
