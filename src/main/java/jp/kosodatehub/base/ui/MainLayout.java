package jp.kosodatehub.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
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
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.StoryService;

/**
 * The frame around every page. Visitors get a slim header (the feed is the page) with the way to volunteering;
 * logged-in staff also get a menu of their work, with the number of submissions waiting for the office and of
 * applicants waiting for a reply.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient EventService events;
    private final transient CurrentUser currentUser;
    private final transient AuthenticationContext authentication;
    private final transient OpeningService openings;
    private final transient StoryService stories;
    private final transient ApplicantService applicants;
    private final Span moderationCount = new Span();
    private final Span openingModerationCount = new Span();
    private final Span storyModerationCount = new Span();
    private final Span needsReplyCount = new Span();

    MainLayout(EventService events, OpeningService openings, StoryService stories, ApplicantService applicants,
               CurrentUser currentUser, AuthenticationContext authentication, AppProperties properties) {
        this.events = events;
        this.openings = openings;
        this.stories = stories;
        this.applicants = applicants;
        this.currentUser = currentUser;
        this.authentication = authentication;
        setPrimarySection(Section.NAVBAR);
        ComponentTexts.texts(this);

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
            Anchor volunteer = new Anchor("volunteer", getTranslation("nav.volunteer"));
            volunteer.addClassName("header-login");
            right.add(volunteer);
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
            addToNavbar(ComponentTexts.drawerToggle(getLocale()));
        }
        // A header element: the banner landmark, so everything on the page sits in a landmark (header or main).
        Header header = new Header(brandBox, right);
        header.addClassName("site-header");
        addToNavbar(header);
        if (user == null) {
            setDrawerOpened(false);
        }
    }

    /** The page's own content is the main landmark, so screen reader users can jump past the header to it. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
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
        nav.addItem(new SideNavItem(getTranslation("nav.volunteer"), "volunteer"));
        nav.addItem(counted(new SideNavItem(getTranslation("nav.applicants"), "my/volunteers"), needsReplyCount));
        nav.addItem(new SideNavItem(getTranslation("nav.openings"), "my/volunteers/openings"));
        nav.addItem(new SideNavItem(getTranslation("nav.stories"), "my/volunteers/stories"));
        if (user.isCoordinator()) {
            nav.addItem(counted(new SideNavItem(getTranslation("nav.moderation"), "moderation"), moderationCount));
            nav.addItem(counted(new SideNavItem(getTranslation("nav.moderation-openings"), "moderation/volunteers"),
                    openingModerationCount));
            nav.addItem(counted(new SideNavItem(getTranslation("nav.moderation-stories"), "moderation/stories"),
                    storyModerationCount));
            nav.addItem(new SideNavItem(getTranslation("nav.organisations"), "admin/organisations"));
            nav.addItem(new SideNavItem(getTranslation("nav.accounts"), "admin/accounts"));
            nav.addItem(new SideNavItem(getTranslation("nav.reference"), "admin/reference"));
            nav.addItem(new SideNavItem(getTranslation("nav.goals-admin"), "admin/goals"));
            nav.addItem(new SideNavItem(getTranslation("nav.volunteer-access"), "admin/volunteers/access"));
            nav.addItem(new SideNavItem(getTranslation("audit.nav"), "admin/audit"));
            nav.addItem(new SideNavItem(getTranslation("ops.nav.backup"), "admin/backup"));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.password"), "my/password"));
        nav.addItem(new SideNavItem(getTranslation("mail.settings.nav"), "my/account"));
        return nav;
    }

    private static SideNavItem counted(SideNavItem item, Span count) {
        count.addClassNames("badge", "badge-warning", "nav-count");
        count.setVisible(false);
        item.setSuffixComponent(count);
        return item;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (currentUser.get().isEmpty()) {
            return;
        }
        show(needsReplyCount, applicants.needsReplyCount(), "nav.needs-reply-waiting");
        if (currentUser.isCoordinator()) {
            show(moderationCount, events.moderationCount(), "nav.moderation-waiting");
            show(openingModerationCount, openings.moderationCount(), "nav.moderation-waiting");
            show(storyModerationCount, stories.moderationCount(), "nav.moderation-waiting");
        }
    }

    private void show(Span count, long waiting, String labelKey) {
        count.setText(String.valueOf(waiting));
        count.setVisible(waiting > 0);
        count.getElement().setAttribute("aria-label", getTranslation(labelKey, waiting));
    }
}
