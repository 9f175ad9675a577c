package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.TitleBar;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.PipelineFilter;

/**
 * An organisation's applicants (for the office: any organisation's or all), with who is waiting for a reply on
 * top. Personal data is read only through {@link ApplicantService}, which decides what the caller may see and
 * logs every look.
 */
@Route("my/volunteers")
@RolesAllowed({Roles.MEMBER, Roles.COORDINATOR})
class PipelineView extends VerticalLayout implements HasDynamicTitle {

    private static final int NEEDS_REPLY_SHOWN = 10;

    private final transient ApplicantService applicants;
    private final boolean coordinator;
    private final Div needsReply = new Div();
    private final CheckboxGroup<ApplicantStatus> statuses = new CheckboxGroup<>();
    private final Checkbox needsReplyOnly = new Checkbox();
    private final Select<Organisation> organisation = new Select<>();
    private final Anchor export = new Anchor();
    private final Grid<Applicant> grid = new Grid<>(Applicant.class, false);

    PipelineView(ApplicantService applicants, OrganisationService organisations, CurrentUser currentUser) {
        this.applicants = applicants;
        this.coordinator = currentUser.isCoordinator();
        addClassNames("page", "pipeline");
        setPadding(false);

        export.setText(getTranslation("volunteer.pipeline.export"));
        // A plain link to the controller: the browser saves the file and the Vaadin UI stays where it is.
        export.setRouterIgnore(true);
        export.getElement().setAttribute("download", true);
        export.addClassName("button-link");

        needsReply.addClassNames("notice", "notice-warning", "needs-reply");

        statuses.setLabel(getTranslation("volunteer.pipeline.filter.status"));
        statuses.setItems(ApplicantStatus.values());
        statuses.setItemLabelGenerator(status -> getTranslation(status.translationKey()));
        statuses.addValueChangeListener(change -> refreshGrid());
        needsReplyOnly.setLabel(getTranslation("volunteer.pipeline.filter.needs-reply"));
        needsReplyOnly.addValueChangeListener(change -> refreshGrid());

        Div filters = new Div(statuses, needsReplyOnly);
        filters.addClassName("toolbar");
        if (coordinator) {
            organisation.setLabel(getTranslation("volunteer.pipeline.filter.organisation"));
            organisation.setItems(organisations.findAll());
            organisation.setEmptySelectionAllowed(true);
            organisation.setEmptySelectionCaption(getTranslation("volunteer.pipeline.filter.all-organisations"));
            organisation.setItemLabelGenerator(item -> item == null
                    ? getTranslation("volunteer.pipeline.filter.all-organisations") : item.getName());
            organisation.addValueChangeListener(change -> refreshGrid());
            filters.addComponentAsFirst(organisation);
        }

        grid.addColumn(this::name).setKey("name").setHeader(getTranslation("volunteer.pipeline.column.name"))
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(a -> a.getOpening().getRole()).setHeader(getTranslation("volunteer.pipeline.column.opening"))
                .setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(this::statusCell).setHeader(getTranslation("volunteer.pipeline.column.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> getTranslation(a.getAgeBand().translationKey()))
                .setHeader(getTranslation("volunteer.pipeline.column.age-band")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> getTranslation(a.getSupporterType().translationKey()))
                .setHeader(getTranslation("volunteer.pipeline.column.supporter-type")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> Formats.date(LocalDate.ofInstant(a.getCreatedAt(), Formats.JAPAN), getLocale()))
                .setHeader(getTranslation("volunteer.pipeline.column.received")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> Formats.timestamp(a.getLastActivityAt()))
                .setHeader(getTranslation("volunteer.pipeline.column.last-activity")).setAutoWidth(true)
                .setFlexGrow(0);
        if (coordinator) {
            grid.addColumn(a -> a.getOpening().getOrganisation().getName())
                    .setHeader(getTranslation("volunteer.pipeline.column.organisation")).setAutoWidth(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(DataProvider.fromCallbacks(
                query -> applicants.applicants(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) applicants.count(filter())));
        grid.addItemClickListener(click -> open(click.getItem().getId()));
        grid.setEmptyStateText(getTranslation("volunteer.pipeline.empty"));
        grid.setMinHeight("20rem");

        add(new TitleBar(new H1(getTitleText()), export), needsReply, filters, grid);
        setFlexGrow(1, grid);
        updateExportLink();
        refreshNeedsReply();
    }

    static Badge statusBadge(ApplicantStatus status, String label) {
        Badge.Tone tone = switch (status) {
            case NEW -> Badge.Tone.INFO;
            case CONTACTED -> Badge.Tone.WARNING;
            case ACTIVE -> Badge.Tone.SUCCESS;
            case FINISHED -> Badge.Tone.NEUTRAL;
            case DECLINED, NOT_A_FIT -> Badge.Tone.ERROR;
        };
        return new Badge(label, tone);
    }

    private String name(Applicant applicant) {
        return applicant.isAnonymised() ? getTranslation("volunteer.pipeline.anonymised") : applicant.getName();
    }

    private Component statusCell(Applicant applicant) {
        Div cell = new Div(statusBadge(applicant.getStatus(), getTranslation(applicant.getStatus().translationKey())));
        if (applicant.isDuplicate()) {
            cell.add(new Badge(getTranslation("volunteer.pipeline.duplicate"), Badge.Tone.WARNING));
        }
        return cell;
    }

    private PipelineFilter filter() {
        return new PipelineFilter(coordinator && organisation.getValue() != null ? organisation.getValue().getId()
                : null, statuses.getValue(), needsReplyOnly.getValue());
    }

    private void refreshGrid() {
        grid.getDataProvider().refreshAll();
        updateExportLink();
    }

    private void refreshNeedsReply() {
        needsReply.removeAll();
        Long count = Feedback.attempt(this, applicants::needsReplyCount, Map.of(), null);
        if (count == null || count == 0) {
            needsReply.setVisible(false);
            return;
        }
        needsReply.setVisible(true);
        needsReply.add(new H2(getTranslation("volunteer.pipeline.needs-reply.title", count)));
        List<Applicant> waiting = Feedback.attempt(this, () -> applicants.needsReply(0, NEEDS_REPLY_SHOWN),
                Map.of(), null);
        if (waiting == null) {
            return;
        }
        for (Applicant applicant : waiting) {
            Button person = new Button(getTranslation("volunteer.pipeline.needs-reply.entry", name(applicant),
                    applicant.getOpening().getRole(), applicants.daysWaiting(applicant)),
                    click -> open(applicant.getId()));
            person.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            person.addClassName("needs-reply-entry");
            needsReply.add(person);
        }
        if (count > waiting.size()) {
            needsReply.add(new Span(getTranslation("volunteer.pipeline.needs-reply.more", count - waiting.size())));
        }
    }

    private void updateExportLink() {
        StringBuilder href = new StringBuilder("my/volunteers/export.csv");
        String separator = "?";
        if (coordinator && organisation.getValue() != null) {
            href.append(separator).append("organisation=").append(organisation.getValue().getId());
            separator = "&";
        }
        if ("en".equals(getLocale().getLanguage())) {
            href.append(separator).append("lang=en");
        }
        export.setHref(href.toString());
    }

    private void open(Long id) {
        Applicant applicant = Feedback.attempt(this, () -> applicants.get(id), Map.of(), null);
        if (applicant == null) {
            return;
        }
        ApplicantDetail detail = new ApplicantDetail(applicants, coordinator, applicant);
        detail.addChangedListener(change -> {
            grid.getDataProvider().refreshAll();
            refreshNeedsReply();
        });
        detail.open();
    }

    private String getTitleText() {
        return getTranslation("volunteer.pipeline.title");
    }

    @Override
    public String getPageTitle() {
        return getTitleText() + " | " + getTranslation("app.name");
    }
}
