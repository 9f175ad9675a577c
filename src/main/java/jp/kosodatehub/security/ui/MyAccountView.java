package jp.kosodatehub.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.security.Account;
import jp.kosodatehub.security.AccountService;

/** Where staff choose the address for notifications about their submissions, or stop them. */
@Route(value = "my/account")
@PermitAll
class MyAccountView extends VerticalLayout implements HasDynamicTitle {

    private final transient AccountService accounts;
    private final EmailField email = new EmailField();

    MyAccountView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");

        email.setLabel(getTranslation("mail.settings.email"));
        email.setMaxLength(Account.EMAIL_MAX);
        email.setClearButtonVisible(true);
        email.setWidthFull();
        email.setMaxWidth("28rem");
        // The service's rules decide, as everywhere else; a reported problem goes when the value changes.
        email.setManualValidation(true);
        email.addValueChangeListener(change -> email.setInvalid(false));
        email.getElement().setAttribute("autocomplete", "email");
        String current = accounts.ownEmail();
        email.setValue(current == null ? "" : current);

        Button save = new Button(getTranslation("mail.settings.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H1(getTranslation("mail.settings.title")), new Paragraph(getTranslation("mail.settings.intro")),
                email, save);
    }

    private void save() {
        email.setInvalid(false);
        Boolean saved = Feedback.attempt(this, () -> {
            accounts.changeOwnEmail(email.getValue());
            return Boolean.TRUE;
        }, Map.of("email", email), null);
        if (saved != null) {
            String stored = accounts.ownEmail();
            email.setValue(stored == null ? "" : stored);
            Feedback.success(getTranslation(stored == null ? "mail.settings.removed" : "mail.settings.saved"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.settings.title");
    }
}
