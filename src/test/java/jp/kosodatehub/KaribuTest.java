package jp.kosodatehub;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import jp.kosodatehub.base.i18n.TranslationProvider;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Base for browserless UI tests. Karibu 2.7.0 has no Spring Security support, so a login sets the security
 * context and makes every fake request carry the principal and its roles, which is what Vaadin's access checker
 * reads; then it starts a fresh session, as the redirect after a real login does.
 */
@SpringBootTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    private UserDetailsService userDetailsService;

    @Autowired
    protected TestFixtures fixtures;

    private Authentication authentication;
    private Locale locale = TranslationProvider.JAPANESE;

    /** Karibu's own discovery skips non-public classes, and our views are package-private: scan for them here. */
    @BeforeAll
    @SuppressWarnings("unchecked")
    static void discoverRoutes() {
        if (routes != null) {
            return;
        }
        Set<Class<? extends Component>> views = new HashSet<>();
        Set<Class<? extends HasErrorParameter<?>>> errorViews = new HashSet<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("jp.kosodatehub").scan()) {
            scan.getClassesWithAnnotation(Route.class).forEach(info -> views.add(
                    (Class<? extends Component>) info.loadClass()));
            scan.getClassesWithAnnotation(Layout.class).forEach(info -> views.add(
                    (Class<? extends Component>) info.loadClass()));
            scan.getClassesImplementing(HasErrorParameter.class).forEach(info -> errorViews.add(
                    (Class<? extends HasErrorParameter<?>>) info.loadClass()));
        }
        routes = new Routes(views, errorViews, true);
    }

    @BeforeEach
    void setUpVaadin() {
        // Karibu's mock session takes the JVM's default locale; the first view is built before any test code runs.
        Locale.setDefault(locale);
        MockVaadin.setMockRequestFactory(session -> {
            // Vaadin matches the browser's languages (getLocales) against the provided ones: answer as a browser
            // set to the test's language would.
            FakeRequest request = new FakeRequest(session) {
                @Override
                public Enumeration<Locale> getLocales() {
                    return Collections.enumeration(List.of(locale));
                }
            };
            request.setLocaleInt(locale);
            request.setUserPrincipalInt(authentication);
            request.setUserInRole((principal, role) -> authentication != null && authentication.getAuthorities()
                    .stream().anyMatch(granted -> granted.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        UI.getCurrent().setLocale(locale);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        authentication = null;
        SecurityContextHolder.clearContext();
    }

    /** Starts over in another language, as a browser asking for it would. */
    protected void useLocale(Locale newLocale) {
        locale = newLocale;
        restart();
    }

    /** Logs in as an existing account, as the login form would. */
    protected void login(String username) {
        UserDetails user = userDetailsService.loadUserByUsername(username);
        authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(securityContext);
        restart();
    }

    protected void logout() {
        authentication = null;
        SecurityContextHolder.clearContext();
        restart();
    }

    private void restart() {
        MockVaadin.tearDown();
        setUpVaadin();
        if (authentication != null) {
            SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
            securityContext.setAuthentication(authentication);
            SecurityContextHolder.setContext(securityContext);
        }
    }
}
