package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.Roles;
import jp.kosodatehub.volunteers.ApplicantAccess;
import jp.kosodatehub.volunteers.ApplicantService;

/** The office's record of every look at applicants' personal data: who, when, what, how many, newest first. */
@Route("admin/volunteers/access")
@RolesAllowed(Roles.COORDINATOR)
class AccessLogView extends VerticalLayout implements HasDynamicTitle {

    AccessLogView(ApplicantService applicants, OrganisationService organisations) {
        addClassNames("page", "access-log");
        setPadding(false);
        Map<Long, String> names = organisations.findAll().stream()
                .collect(Collectors.toMap(Organisation::getId, Organisation::getName, (a, b) -> a));
        Function<Long, String> organisationName = id -> id == null
                ? getTranslation("volunteer.privacy.log.all-organisations") : names.getOrDefault(id, "#" + id);

        Grid<ApplicantAccess> grid = new Grid<>(ApplicantAccess.class, false);
        grid.addColumn(entry -> Formats.timestamp(entry.getAt()))
                .setHeader(getTranslation("volunteer.privacy.log.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ApplicantAccess::getUsername).setHeader(getTranslation("volunteer.privacy.log.who"))
                .setAutoWidth(true);
        grid.addColumn(entry -> getTranslation(entry.getAction().translationKey()))
                .setHeader(getTranslation("volunteer.privacy.log.action")).setAutoWidth(true);
        grid.addColumn(entry -> organisationName.apply(entry.getOrganisationId()))
                .setHeader(getTranslation("volunteer.privacy.log.organisation")).setFlexGrow(1);
        grid.addColumn(entry -> entry.getApplicantId() == null ? "" : String.valueOf(entry.getApplicantId()))
                .setHeader(getTranslation("volunteer.privacy.log.applicant")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ApplicantAccess::getRecordCount).setHeader(getTranslation("volunteer.privacy.log.records"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(DataProvider.fromCallbacks(
                query -> applicants.accessLog(query.getOffset(), query.getLimit()).stream(),
                query -> (int) applicants.accessLogCount()));
        grid.setEmptyStateText(getTranslation("volunteer.privacy.log.empty"));
        grid.setMinHeight("20rem");

        add(new H1(getTranslation("volunteer.privacy.log.title")),
                new Paragraph(getTranslation("volunteer.privacy.log.intro")), grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("volunteer.privacy.log.title") + " | " + getTranslation("app.name");
    }
}
