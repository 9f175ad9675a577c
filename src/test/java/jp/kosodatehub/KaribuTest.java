package jp.kosodatehub;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.util.Locale;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.security.ui.LoginView;
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
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Base for browserless UI tests. Karibu 2.7.0 has no Spring Security support, so a login sets the security
 * context and the fake request's principal and roles by hand, which is what Vaadin's access checker reads.
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

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("jp.kosodatehub");
            // Karibu's discovery only sees public classes, but views are package-private by house rule.
            try (ScanResult scan = new ClassGraph().enableAnnotationInfo().ignoreClassVisibility()
                    .acceptPackages("jp.kosodatehub").scan()) {
                routes.getRoutes().addAll(scan.getClassesWithAnnotation(Route.class).loadClasses(Component.class));
            }
        }
    }

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        useLocale(TranslationProvider.JAPANESE);
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    protected void useLocale(Locale locale) {
        UI.getCurrent().setLocale(locale);
        VaadinSession.getCurrent().setLocale(locale);
    }

    /** Logs in as an existing account, as the login form would, and reloads the current UI. */
    protected void login(String username) {
        UserDetails user = userDetailsService.loadUserByUsername(username);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(auth);
        SecurityContextHolder.setContext(securityContext);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        request.getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
        // The layout reads the user when it is built: start a fresh UI as a real login's redirect would.
        // closeCurrentUI only closes the UI; Karibu's MockPage.reload() closes it and creates the new one, which
        // re-enters the current route: make that the login page, which exists whatever views there are.
        Locale locale = UI.getCurrent().getLocale();
        UI.getCurrent().navigate(LoginView.class);
        UI.getCurrent().getPage().reload();
        useLocale(locale);
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        if (current != null && current.getRequest() instanceof FakeRequest request) {
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
            request.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
    }
}
