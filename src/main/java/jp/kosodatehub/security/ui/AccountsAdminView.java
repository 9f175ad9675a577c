package jp.kosodatehub.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Map;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.TitleBar;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.Account;
import jp.kosodatehub.security.AccountRole;
import jp.kosodatehub.security.AccountService;
import jp.kosodatehub.security.PasswordPolicy;
import jp.kosodatehub.security.Roles;

/** Staff accounts: the office opens them, disables them when people leave and resets forgotten passwords. */
@Route(value = "admin/accounts")
@RolesAllowed(Roles.COORDINATOR)
class AccountsAdminView extends VerticalLayout implements HasDynamicTitle {

    private final transient AccountService accounts;
    private final transient OrganisationService organisations;
    private final Grid<Account> grid = new Grid<>();

    AccountsAdminView(AccountService accounts, OrganisationService organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
        addClassName("page");
        setSizeFull();

        Button create = new Button(getTranslation("admin.account.new"), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TitleBar header = new TitleBar(new H1(getTranslation("admin.account.title")), create);

        configureGrid();
        add(header, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Account::getUsername).setKey("username").setHeader(getTranslation("admin.account.username"))
                .setFlexGrow(2);
        grid.addColumn(Account::getDisplayName).setKey("displayName")
                .setHeader(getTranslation("admin.account.display-name")).setFlexGrow(2);
        grid.addColumn(account -> roleName(account.getRole())).setKey("role")
                .setHeader(getTranslation("admin.account.role")).setFlexGrow(1);
        grid.addColumn(account -> account.getOrganisation() == null ? "" : account.getOrganisation().getName())
                .setKey("organisation").setHeader(getTranslation("admin.account.organisation")).setFlexGrow(2);
        grid.addColumn(account -> account.getEmail() == null ? "" : account.getEmail()).setKey("email")
                .setHeader(getTranslation("admin.account.email")).setFlexGrow(2);
        grid.addComponentColumn(this::status)
                .setKey("enabled").setHeader(getTranslation("admin.account.enabled")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(account -> Formats.timestamp(account.getLastLoginAt())).setKey("lastLogin")
                .setHeader(getTranslation("admin.account.last-login")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("admin.account.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(DataProvider.fromCallbacks(
                query -> accounts.page(query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, accounts.count())));
    }


    private Component status(Account account) {
        Badge enabled = account.isEnabled()
                ? new Badge(getTranslation("admin.account.badge.enabled"), Badge.Tone.SUCCESS)
                : new Badge(getTranslation("admin.account.badge.disabled"), Badge.Tone.ERROR);
        if (!accounts.isLocked(account)) {
            return enabled;
        }
        Badge locked = new Badge(getTranslation("admin.account.badge.locked"), Badge.Tone.ERROR);
        locked.setTitle(getTranslation("admin.account.locked-until", Formats.timestamp(account.getLockedUntil())));
        HorizontalLayout both = new HorizontalLayout(enabled, locked);
        both.setSpacing(false);
        both.addClassName("account-status");
        both.setWrap(true);
        return both;
    }

    private HorizontalLayout actions(Account account) {
        Button toggle = new Button(getTranslation(account.isEnabled() ? "admin.account.disable"
                : "admin.account.enable"), click -> setEnabled(account, !account.isEnabled()));
        Button reset = new Button(getTranslation("admin.account.reset-password"),
                click -> openResetDialog(account));
        Button email = new Button(getTranslation("admin.account.email-edit"), click -> openEmailDialog(account));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        email.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(toggle, reset, email);
        if (accounts.isLocked(account)) {
            Button unlock = new Button(getTranslation("admin.account.unlock"), click -> unlock(account));
            unlock.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.addComponentAsFirst(unlock);
        }
        actions.setSpacing(false);
        actions.setWrap(true);
        return actions;
    }

    private String roleName(AccountRole role) {
        return role == null ? "" : getTranslation("admin.account.role." + role.name().toLowerCase(Locale.ROOT));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void setEnabled(Account account, boolean enabled) {
        Account changed = Feedback.attempt(this, () -> accounts.setEnabled(account.getId(), account.getVersion(),
                enabled), Map.of(), this::refresh);
        if (changed != null) {
            refresh();
            Feedback.success(getTranslation(enabled ? "admin.account.enabled-done" : "admin.account.disabled-done",
                    changed.getUsername()));
        }
    }

    private void unlock(Account account) {
        Account changed = Feedback.attempt(this, () -> accounts.unlock(account.getId(), account.getVersion()),
                Map.of(), this::refresh);
        if (changed != null) {
            refresh();
            Feedback.success(getTranslation("admin.account.unlocked-done", changed.getUsername()));
        }
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.account.new-title"));
        dialog.setWidth("36rem");
        dialog.setMaxWidth("100%");

        TextField username = new TextField(getTranslation("admin.account.username"));
        username.setHelperText(getTranslation("admin.account.username-helper"));
        username.setMaxLength(Account.USERNAME_MAX);
        username.setRequiredIndicatorVisible(true);
        TextField displayName = new TextField(getTranslation("admin.account.display-name"));
        displayName.setMaxLength(Account.DISPLAY_NAME_MAX);
        displayName.setRequiredIndicatorVisible(true);
        Select<AccountRole> role = new Select<>();
        role.setLabel(getTranslation("admin.account.role"));
        role.setItems(AccountRole.values());
        role.setItemLabelGenerator(this::roleName);
        // Most new accounts are staff of a member organisation, and it is the role with the fewer rights.
        role.setValue(AccountRole.MEMBER);
        ComboBox<Organisation> organisation = new ComboBox<>(getTranslation("admin.account.organisation"));
        organisation.setItems(organisations.findAll().stream().filter(Organisation::isActive).toList());
        organisation.setItemLabelGenerator(Organisation::getName);
        organisation.setRequiredIndicatorVisible(true);
        role.addValueChangeListener(change -> {
            boolean member = change.getValue() == AccountRole.MEMBER;
            organisation.setVisible(member);
            organisation.setRequiredIndicatorVisible(member);
            if (!member) {
                organisation.clear();
            }
        });
        PasswordField password = ComponentTexts.texts(new PasswordField(getTranslation("admin.account.password")));
        password.setHelperText(getTranslation("admin.account.password-helper"));
        password.setMaxLength(PasswordPolicy.MAX_BYTES);
        password.setRequiredIndicatorVisible(true);

        EmailField email = emailField();

        FormLayout form = new FormLayout(username, displayName, role, organisation, email, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);

        Map<String, HasValidation> fields = Map.of("username", username, "displayName", displayName, "role", role,
                "organisation", organisation, "password", password, "email", email);
        checkedByService(username);
        checkedByService(displayName);
        checkedByService(role);
        checkedByService(organisation);
        checkedByService(password);
        checkedByService(email);
        Button save = new Button(getTranslation("action.create"), click -> {
            fields.values().forEach(field -> field.setInvalid(false));
            Long organisationId = organisation.getValue() == null ? null : organisation.getValue().getId();
            Account created = Feedback.attempt(this, () -> accounts.create(new AccountService.NewAccount(
                    username.getValue(), displayName.getValue(), role.getValue(), organisationId,
                    password.getValue(), email.getValue())), fields, null);
            if (created != null) {
                dialog.close();
                refresh();
                Feedback.success(getTranslation("admin.account.created", created.getUsername()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
        username.focus();
    }

    private void openResetDialog(Account account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.account.reset-title", account.getUsername()));
        dialog.setWidth("30rem");
        dialog.setMaxWidth("100%");

        PasswordField password = ComponentTexts.texts(new PasswordField(
                getTranslation("admin.account.new-password")));
        password.setHelperText(getTranslation("admin.account.password-helper"));
        password.setMaxLength(PasswordPolicy.MAX_BYTES);
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();
        checkedByService(password);
        dialog.add(password);

        Button save = new Button(getTranslation("admin.account.reset-submit"), click -> {
            password.setInvalid(false);
            Account changed = Feedback.attempt(this, () -> accounts.resetPassword(account.getId(),
                    account.getVersion(), password.getValue()), Map.of("password", password), () -> {
                        dialog.close();
                        refresh();
                    });
            if (changed != null) {
                dialog.close();
                refresh();
                Feedback.success(getTranslation("admin.account.password-reset-done", changed.getUsername()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
        password.focus();
    }

    private void openEmailDialog(Account account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.account.email-title", account.getUsername()));
        dialog.setWidth("30rem");
        dialog.setMaxWidth("100%");

        EmailField email = emailField();
        email.setValue(account.getEmail() == null ? "" : account.getEmail());
        email.setWidthFull();
        checkedByService(email);
        dialog.add(email);

        Button save = new Button(getTranslation("action.save"), click -> {
            email.setInvalid(false);
            Account changed = Feedback.attempt(this, () -> accounts.setEmail(account.getId(), account.getVersion(),
                    email.getValue()), Map.of("email", email), () -> {
                        dialog.close();
                        refresh();
                    });
            if (changed != null) {
                dialog.close();
                refresh();
                Feedback.success(getTranslation("admin.account.email-done", changed.getUsername()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
        email.focus();
    }

    private EmailField emailField() {
        EmailField email = new EmailField(getTranslation("admin.account.email"));
        email.setHelperText(getTranslation("admin.account.email-helper"));
        email.setMaxLength(Account.EMAIL_MAX);
        email.setClearButtonVisible(true);
        return email;
    }

    /**
     * The service knows all the rules and reports them per field; the fields' own checks would only half agree.
     * A reported problem goes away as soon as the field is changed.
     */
    private static <F extends HasValue<?, ?> & HasValidation> void checkedByService(F field) {
        field.setManualValidation(true);
        field.addValueChangeListener(change -> field.setInvalid(false));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.account.title");
    }
}
