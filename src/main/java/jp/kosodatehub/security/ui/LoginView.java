package jp.kosodatehub.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Set;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.security.LoginProperties;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final int lockoutMinutes;

    LoginView(LoginProperties login) {
        this.lockoutMinutes = login.lockoutMinutes();
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        ComponentTexts.revealLabel(form);
        Paragraph hint = new Paragraph(getTranslation("login.hint"));
        hint.addClassName("login-hint");
        Anchor feed = new Anchor("", getTranslation("login.to-feed"));
        feed.addClassName("back-link");
        add(new H1(getTranslation("app.name")), form, hint, feed);
    }

    private LoginI18n i18n() {
        return ComponentTexts.login(getLocale());
    }

    /** LoginFailureHandler and LoginThrottleFilter say why a login was refused: ?error, ?locked or ?throttled. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Set<String> flags = event.getLocation().getQueryParameters().getParameters().keySet();
        LoginI18n i18n = i18n();
        if (flags.contains("locked")) {
            i18n.getErrorMessage().setTitle(getTranslation("login.lockout.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.lockout.message", lockoutMinutes));
        } else if (flags.contains("throttled")) {
            i18n.getErrorMessage().setTitle(getTranslation("login.throttle.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttle.message"));
        }
        form.setI18n(i18n);
        form.setError(flags.contains("error") || flags.contains("locked") || flags.contains("throttled"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
