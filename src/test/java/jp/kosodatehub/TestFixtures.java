package jp.kosodatehub;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationKind;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.security.Account;
import jp.kosodatehub.security.AccountRole;
import jp.kosodatehub.security.AccountService;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.security.SystemAccess;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Creates test records through the services, as the office would, with names unique per call so that tests
 * sharing one Spring context and database never see each other's data by accident.
 */
@Component
public class TestFixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final OrganisationService organisations;
    private final AccountService accounts;
    private final ReferenceDataService reference;
    private final UserDetailsService users;

    TestFixtures(OrganisationService organisations, AccountService accounts, ReferenceDataService reference,
                 UserDetailsService users) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.reference = reference;
        this.users = users;
    }

    /** The stored account, looked up page by page: the shared test database outgrows one page of accounts. */
    public Account account(String username) {
        return as(coordinator(), () -> {
            long count = accounts.count();
            for (int offset = 0; offset < count; offset += OffsetPage.MAX_LIMIT) {
                for (Account account : accounts.page(offset, OffsetPage.MAX_LIMIT)) {
                    if (account.getUsername().equals(username)) {
                        return account;
                    }
                }
            }
            throw new AssertionError("No account " + username);
        });
    }

    /** Runs service calls as the given account, as if that person were logged in. */
    public <T> T as(String username, Supplier<T> work) {
        return SystemAccess.runAs((AppUser) users.loadUserByUsername(username), work);
    }

    public void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    /** A valid event draft: tomorrow 10:00–12:00, for one-year-olds, free, no booking. */
    public static EventDraft draft(EventKind kind, String title) {
        EventDraft draft = new EventDraft();
        draft.setTitle(title);
        draft.setKind(kind);
        LocalDateTime start = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1).atTime(10, 0);
        draft.setStartsAt(start);
        draft.setEndsAt(start.plusHours(2));
        draft.setVenueName("地区センター");
        draft.setAgeBands(EnumSet.of(AgeBand.AGE_1));
        return draft;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public District district(String nameJa) {
        return SystemAccess.runAsSystem(() -> reference.saveDistrict(
                new District(unique("d"), nameJa, nameJa + " (en)", 1)));
    }

    public EventKind kind(String nameJa) {
        return SystemAccess.runAsSystem(() -> reference.saveKind(
                new EventKind(unique("k"), nameJa, nameJa + " (en)", 1)));
    }

    public Organisation organisation(String name, boolean trusted) {
        Organisation organisation = new Organisation(unique(name), OrganisationKind.SALON, null);
        organisation.setTrusted(trusted);
        return SystemAccess.runAsSystem(() -> organisations.save(organisation));
    }

    /** A member account of the organisation; returns its username. */
    public String member(Organisation organisation) {
        String username = unique("member");
        SystemAccess.runAsSystem(() -> accounts.create(new AccountService.NewAccount(username, "スタッフ " + username,
                AccountRole.MEMBER, organisation.getId(), PASSWORD)));
        return username;
    }

    /** A coordinator account; returns its username. */
    public String coordinator() {
        String username = unique("coord");
        SystemAccess.runAsSystem(() -> accounts.create(new AccountService.NewAccount(username, "事務局 " + username,
                AccountRole.COORDINATOR, null, PASSWORD)));
        return username;
    }
}
