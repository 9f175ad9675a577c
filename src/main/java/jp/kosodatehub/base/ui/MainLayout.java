package jp.kosodatehub.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.security.CurrentUser;

/**
 * The frame around every page. Visitors get a slim header (the feed is the page); logged-in staff also get a
 * menu of their work, with the number of submissions waiting for the office.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient EventService events;
    private final transient CurrentUser currentUser;
    private final transient AuthenticationContext authentication;
    private final Span moderationCount = new Span();

    MainLayout(EventService events, CurrentUser currentUser, AuthenticationContext authentication,
               AppProperties properties) {
        this.events = events;
        this.currentUser = currentUser;
        this.authentication = authentication;
        setPrimarySection(Section.NAVBAR);

        Anchor brand = new Anchor("", properties.networkName());
        brand.addClassName("brand");
        Span product = new Span(getTranslation("app.name"));
        product.addClassName("brand-product");
        Div brandBox = new Div(brand, product);
        brandBox.addClassName("brand-box");

        Div right = new Div();
        right.addClassName("header-actions");
        AppUser user = currentUser.get().orElse(null);
        if (user == null) {
            Anchor login = new Anchor("login", getTranslation("nav.login"));
            login.addClassName("header-login");
            right.add(login);
        } else {
            Span who = new Span(user.displayName());
            who.addClassName("header-user");
            Button logout = new Button(getTranslation("nav.logout"), click -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            right.add(who, logout);
            addToDrawer(menu(user));
            addToNavbar(new DrawerToggle());
        }
        addToNavbar(brandBox, right);
        if (user == null) {
            setDrawerOpened(false);
        }
    }

    private SideNav menu(AppUser user) {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.feed"), ""));
        nav.addItem(new SideNavItem(getTranslation(user.isCoordinator() ? "nav.all-events" : "nav.my-events"),
                "my/events"));
        nav.addItem(new SideNavItem(getTranslation("nav.new-event"), "my/events/new"));
        nav.addItem(new SideNavItem(getTranslation("nav.goals"), "goals"));
        nav.addItem(new SideNavItem(getTranslation("nav.my-indicators"), "my/indicators"));
        if (user.isCoordinator()) {
            SideNavItem moderation = new SideNavItem(getTranslation("nav.moderation"), "moderation");
            moderationCount.addClassNames("badge", "badge-warning", "nav-count");
            moderation.setSuffixComponent(moderationCount);
            nav.addItem(moderation);
            nav.addItem(new SideNavItem(getTranslation("nav.organisations"), "admin/organisations"));
            nav.addItem(new SideNavItem(getTranslation("nav.accounts"), "admin/accounts"));
            nav.addItem(new SideNavItem(getTranslation("nav.reference"), "admin/reference"));
            nav.addItem(new SideNavItem(getTranslation("nav.goals-admin"), "admin/goals"));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.password"), "my/password"));
        return nav;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (currentUser.isCoordinator()) {
            long waiting = events.moderationCount();
            moderationCount.setText(String.valueOf(waiting));
            moderationCount.setVisible(waiting > 0);
            moderationCount.getElement().setAttribute("aria-label",
                    getTranslation("nav.moderation-waiting", waiting));
        }
    }
}
