package jp.kosodatehub.goals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.kosodatehub.audit.AuditService;
import jp.kosodatehub.audit.ui.Conflicts;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.TitleBar;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.goals.Aggregation;
import jp.kosodatehub.goals.ComputedDefinition;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.GoalCsv;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalForms.TargetImageForm;
import jp.kosodatehub.goals.GoalImportException;
import jp.kosodatehub.goals.GoalProgress.Progress;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.ImportReport;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorForm;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.Initiative;
import jp.kosodatehub.goals.Pillar;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.PlanTree;
import jp.kosodatehub.goals.TargetImage;
import jp.kosodatehub.goals.TargetImageNote;
import jp.kosodatehub.goals.TargetImageStatus;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.security.Roles;

/**
 * The office's editor of the shared plan: its period, pillars, initiatives, target images with their review notes,
 * and indicators; plus the CSV round trip for working on the plan and its results in Excel.
 */
@Route("admin/goals")
@RolesAllowed(Roles.COORDINATOR)
class GoalsAdminView extends VerticalLayout implements HasDynamicTitle {

    /** Which CSV an upload carries. */
    enum CsvPart { STRUCTURE, RESULTS }

    private static final String TREE_MIN_HEIGHT = "24rem";
    private static final String PROBLEMS_MAX_HEIGHT = "20rem";

    private final transient GoalService goals;
    private final transient GoalCsv csv;
    private final transient OrganisationService organisations;
    private final transient ReferenceDataService reference;
    private final transient AuditService audit;

    private final Select<Plan> planSelect = new Select<>();
    private final Span period = new Span();
    private final Button editPlan = new Button();
    private final Button addPillar = new Button();
    private final TreeGrid<Object> tree = new TreeGrid<>();
    private final Div downloads = new Div();
    private final Div importResult = new Div();
    private final Grid<GoalImportException.RowProblem> importProblems = new Grid<>();
    /** The current figure of each indicator on screen, by id. */
    private Map<Long, Progress> progress = Map.of();
    /** The plan on screen, for uploads: they are received without the session lock, so not from the Select. */
    private volatile Long shownPlanId;

    GoalsAdminView(GoalService goals, GoalCsv csv, OrganisationService organisations,
                   ReferenceDataService reference, AuditService audit) {
        this.goals = goals;
        this.audit = audit;
        this.csv = csv;
        this.organisations = organisations;
        this.reference = reference;
        addClassName("page");
        setSizeFull();

        Button newPlan = new Button(getTranslation("goals.edit.plan.new"), click -> openPlan(null));
        TitleBar header = new TitleBar(new H1(getTranslation("goals.edit.admin.title")), newPlan);

        planSelect.setLabel(getTranslation("goals.edit.plan"));
        planSelect.setItemLabelGenerator(Plan::getName);
        planSelect.addValueChangeListener(change -> showPlan());
        editPlan.setText(getTranslation("goals.edit.plan.edit"));
        editPlan.addClickListener(click -> openPlan(planSelect.getValue()));
        addPillar.setText(getTranslation("goals.edit.pillar.new"));
        addPillar.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addPillar.addClickListener(click -> openPillar(null));
        HorizontalLayout planBar = new HorizontalLayout(planSelect, period, editPlan, addPillar);
        planBar.setAlignItems(Alignment.BASELINE);
        planBar.setWrap(true);

        configureTree();
        add(header, planBar, tree, csvSection());
        setFlexGrow(1, tree);
        // The tree takes the room left, but never less than a few rows: below it the page scrolls instead.
        tree.setMinHeight(TREE_MIN_HEIGHT);
        loadPlans(null);
    }

    // --- plan and tree -----------------------------------------------------------------------------------------

    private void loadPlans(Long select) {
        List<Plan> plans = goals.plans();
        planSelect.setItems(plans);
        Plan chosen = plans.stream().filter(p -> p.getId().equals(select)).findFirst()
                .orElse(plans.isEmpty() ? null : plans.getFirst());
        planSelect.setValue(chosen);
        showPlan();
    }

    private void showPlan() {
        Plan plan = planSelect.getValue();
        boolean present = plan != null;
        shownPlanId = present ? plan.getId() : null;
        editPlan.setEnabled(present);
        addPillar.setEnabled(present);
        downloads.setVisible(present);
        period.setText(present ? plan.periodLabel() : getTranslation("goals.edit.plan.none"));
        TreeData<Object> data = new TreeData<>();
        if (present) {
            PlanTree planTree = goals.tree(plan.getId());
            progress = goals.progressOfPlan(plan.getId());
            for (PlanTree.PillarNode pillar : planTree.pillars()) {
                data.addItem(null, pillar.pillar());
                for (PlanTree.InitiativeNode node : pillar.initiatives()) {
                    data.addItem(pillar.pillar(), node.initiative());
                    node.targetImages().forEach(image -> data.addItem(node.initiative(), image));
                    node.indicators().forEach(indicator -> data.addItem(node.initiative(), indicator));
                }
            }
            updateDownloads(plan);
        }
        TreeDataProvider<Object> provider = new TreeDataProvider<>(data);
        tree.setDataProvider(provider);
        tree.expandRecursively(data.getRootItems(), 2);
    }

    private void configureTree() {
        tree.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // Not sortable: the plan's order is its numbering, and the grid would name the sorter in English.
        tree.addHierarchyColumn(this::label).setKey("title").setHeader(getTranslation("goals.edit.column.title"))
                .setFlexGrow(4).setSortable(false);
        tree.addColumn(this::typeLabel).setKey("type").setHeader(getTranslation("goals.edit.column.type"))
                .setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(this::detail).setKey("detail").setHeader(getTranslation("goals.edit.column.detail"))
                .setFlexGrow(2);
        tree.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
    }

    String label(Object item) {
        return switch (item) {
            case Pillar p -> p.getNumber() + ". " + p.getTitle();
            case Initiative i -> i.getNumber() + ". " + i.getTitle();
            case TargetImage t -> t.getText();
            case Indicator i -> i.getName();
            default -> "";
        };
    }

    private String typeLabel(Object item) {
        return getTranslation(switch (item) {
            case Pillar p -> "goals.edit.type.pillar";
            case Initiative i -> "goals.edit.type.initiative";
            case TargetImage t -> "goals.edit.type.target-image";
            default -> "goals.edit.type.indicator";
        });
    }

    private String detail(Object item) {
        if (item instanceof TargetImage image) {
            return getTranslation(image.getStatus().translationKey());
        }
        if (item instanceof Indicator indicator) {
            // Worded as the public page words them, so the office reads the same figure the public does.
            return getTranslation("goals.edit.indicator.summary",
                    GoalTexts.figure(this, indicator, progress.getOrDefault(indicator.getId(), Progress.NO_DATA)),
                    GoalTexts.level(this, indicator, indicator.getBaselineValue()),
                    GoalTexts.level(this, indicator, indicator.getTargetValue()),
                    getTranslation(indicator.getDirection().translationKey()),
                    getTranslation(indicator.getAggregation().translationKey()),
                    GoalTexts.year(this, indicator.getTargetFiscalYear()));
        }
        return "";
    }

    private Component actions(Object item) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        buttons.add(small("action.edit", () -> edit(item)));
        switch (item) {
            case Pillar p -> buttons.add(small("goals.edit.initiative.new", () -> openInitiative(p, null)));
            case Initiative i -> buttons.add(small("goals.edit.target-image.new", () -> openTargetImage(i, null)),
                    small("goals.edit.indicator.new", () -> openIndicator(i, null)));
            case TargetImage t -> buttons.add(small("goals.edit.note.new", () -> openNote(t)));
            default -> {
            }
        }
        buttons.add(small("goals.edit.delete", () -> delete(item)));
        return buttons;
    }

    private Button small(String key, Runnable action) {
        Button button = new Button(getTranslation(key), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void edit(Object item) {
        switch (item) {
            case Pillar p -> openPillar(p);
            case Initiative i -> openInitiative(null, i);
            case TargetImage t -> openTargetImage(null, t);
            case Indicator i -> openIndicator(null, i);
            default -> {
            }
        }
    }

    private void delete(Object item) {
        boolean deleted = Feedback.attempt(this, () -> {
            switch (item) {
                case Pillar p -> goals.deletePillar(p.getId(), p.getVersion());
                case Initiative i -> goals.deleteInitiative(i.getId(), i.getVersion());
                case TargetImage t -> goals.deleteTargetImage(t.getId(), t.getVersion());
                case Indicator i -> goals.deleteIndicator(i.getId(), i.getVersion());
                default -> {
                }
            }
        });
        if (deleted) {
            Feedback.success(getTranslation("goals.edit.deleted", label(item)));
            showPlan();
        }
    }

    // --- editors -----------------------------------------------------------------------------------------------

    private void openPlan(Plan plan) {
        TextField name = new TextField(getTranslation("goals.edit.plan.name"));
        IntegerField first = new IntegerField(getTranslation("goals.edit.plan.first-year"));
        IntegerField last = new IntegerField(getTranslation("goals.edit.plan.last-year"));
        first.setHelperText(getTranslation("goals.edit.fiscal-year-helper"));
        if (plan != null) {
            name.setValue(plan.getName());
            first.setValue(plan.getFirstFiscalYear());
            last.setValue(plan.getLastFiscalYear());
        }
        openEditor(plan == null ? null : new Conflicts.Target("Plan", plan.getId(), plan.getVersion()),
                plan == null ? "goals.edit.plan.new" : "goals.edit.plan.edit",
                Map.of("name", name, "firstFiscalYear", first, "lastFiscalYear", last),
                () -> goals.savePlan(new PlanForm(plan == null ? null : plan.getId(),
                        plan == null ? 0 : plan.getVersion(), name.getValue(), first.getValue(), last.getValue())),
                saved -> loadPlans(((Plan) saved).getId()), name, first, last);
    }

    private void openPillar(Pillar pillar) {
        IntegerField number = new IntegerField(getTranslation("goals.edit.number"));
        TextField title = new TextField(getTranslation("goals.edit.title"));
        if (pillar != null) {
            number.setValue(pillar.getNumber());
            title.setValue(pillar.getTitle());
        }
        Long planId = planSelect.getValue().getId();
        openEditor(pillar == null ? null : new Conflicts.Target("Pillar", pillar.getId(), pillar.getVersion()),
                pillar == null ? "goals.edit.pillar.new" : "goals.edit.pillar.edit",
                Map.of("number", number, "title", title),
                () -> goals.savePillar(new PillarForm(pillar == null ? null : pillar.getId(),
                        pillar == null ? 0 : pillar.getVersion(), planId, number.getValue(), title.getValue())),
                saved -> showPlan(), number, title);
    }

    private void openInitiative(Pillar parent, Initiative initiative) {
        IntegerField number = new IntegerField(getTranslation("goals.edit.number"));
        TextField title = new TextField(getTranslation("goals.edit.title"));
        Long pillarId = initiative == null ? parent.getId() : initiative.getPillarId();
        if (initiative != null) {
            number.setValue(initiative.getNumber());
            title.setValue(initiative.getTitle());
        }
        openEditor(initiative == null ? null
                        : new Conflicts.Target("Initiative", initiative.getId(), initiative.getVersion()),
                initiative == null ? "goals.edit.initiative.new" : "goals.edit.initiative.edit",
                Map.of("number", number, "title", title),
                () -> goals.saveInitiative(new InitiativeForm(initiative == null ? null : initiative.getId(),
                        initiative == null ? 0 : initiative.getVersion(), pillarId, number.getValue(),
                        title.getValue())),
                saved -> showPlan(), number, title);
    }

    private void openTargetImage(Initiative parent, TargetImage image) {
        TextArea text = new TextArea(getTranslation("goals.edit.target-image.text"));
        Select<TargetImageStatus> status = new Select<>();
        status.setLabel(getTranslation("goals.edit.target-image.status"));
        status.setItems(TargetImageStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        status.setValue(TargetImageStatus.NOT_STARTED);
        Long initiativeId = image == null ? parent.getId() : image.getInitiativeId();
        Component[] fields = {text, status};
        if (image != null) {
            text.setValue(image.getText());
            status.setValue(image.getStatus());
            UnorderedList notes = new UnorderedList();
            for (TargetImageNote note : goals.notes(image.getId())) {
                notes.add(new ListItem(Formats.dateWithYear(note.getDate(), getLocale()) + " " + note.getText()));
            }
            fields = new Component[] {text, status, new Span(getTranslation("goals.edit.note.list")), notes};
        }
        openEditor(image == null ? null : new Conflicts.Target("TargetImage", image.getId(), image.getVersion()),
                image == null ? "goals.edit.target-image.new" : "goals.edit.target-image.edit",
                Map.of("text", text, "status", status),
                () -> goals.saveTargetImage(new TargetImageForm(image == null ? null : image.getId(),
                        image == null ? 0 : image.getVersion(), initiativeId, text.getValue(), status.getValue())),
                saved -> showPlan(), fields);
    }

    private void openNote(TargetImage image) {
        DatePicker date = ComponentTexts.texts(new DatePicker(getTranslation("goals.edit.note.date"),
                LocalDate.now(Formats.JAPAN)));
        date.setLocale(getLocale());
        TextArea text = new TextArea(getTranslation("goals.edit.note.text"));
        openEditor("goals.edit.note.new", Map.of("date", date, "text", text),
                () -> goals.addNote(image.getId(), date.getValue(), text.getValue()), saved -> showPlan(),
                date, text);
    }

    private void openIndicator(Initiative parent, Indicator indicator) {
        IndicatorForm current = indicator == null ? null : IndicatorForm.of(indicator);
        Long initiativeId = indicator == null ? parent.getId() : indicator.getInitiativeId();
        TextField name = new TextField(getTranslation("goals.edit.indicator.name"));
        TextField unit = new TextField(getTranslation("goals.edit.indicator.unit"));
        Select<IndicatorKind> kind = enumSelect("goals.edit.indicator.kind", IndicatorKind.values(),
                IndicatorKind::translationKey);
        Select<Direction> direction = enumSelect("goals.edit.indicator.direction", Direction.values(),
                Direction::translationKey);
        BigDecimalField baselineValue = new BigDecimalField(getTranslation("goals.edit.indicator.baseline-value"));
        DatePicker baselineDate = ComponentTexts.texts(new DatePicker(
                getTranslation("goals.edit.indicator.baseline-date")));
        baselineDate.setLocale(getLocale());
        BigDecimalField targetValue = new BigDecimalField(getTranslation("goals.edit.indicator.target-value"));
        IntegerField targetYear = new IntegerField(getTranslation("goals.edit.indicator.target-year"));
        targetYear.setHelperText(getTranslation("goals.edit.fiscal-year-helper"));
        ComboBox<Organisation> organisation = new ComboBox<>(getTranslation("goals.edit.indicator.organisation"));
        List<Organisation> allOrganisations = organisations.findAll();
        organisation.setItems(allOrganisations);
        organisation.setItemLabelGenerator(Organisation::getName);
        organisation.setClearButtonVisible(true);
        TextField department = new TextField(getTranslation("goals.edit.indicator.department"));
        department.setHelperText(getTranslation("goals.edit.indicator.responsible-helper"));
        Select<UpdateFrequency> frequency = enumSelect("goals.edit.indicator.frequency", UpdateFrequency.values(),
                UpdateFrequency::translationKey);
        Select<Aggregation> aggregation = enumSelect("goals.edit.indicator.aggregation", Aggregation.values(),
                Aggregation::translationKey);
        aggregation.setHelperText(getTranslation("goals.edit.indicator.aggregation-helper"));
        TextField breakdowns = new TextField(getTranslation("goals.edit.indicator.breakdowns"));
        breakdowns.setHelperText(getTranslation("goals.edit.indicator.breakdowns-helper"));
        Select<ComputedDefinition.Source> computed = new Select<>();
        computed.setLabel(getTranslation("goals.edit.indicator.computed-source"));
        computed.setItems(ComputedDefinition.Source.values());
        computed.setItemLabelGenerator(source -> source == null ? getTranslation("goals.edit.indicator.computed-none")
                : getTranslation(source.translationKey()));
        computed.setEmptySelectionAllowed(true);
        computed.setEmptySelectionCaption(getTranslation("goals.edit.indicator.computed-none"));
        ComboBox<EventKind> computedKind = new ComboBox<>(getTranslation("goals.edit.indicator.computed-kind"));
        computedKind.setItems(reference.allKinds());
        computedKind.setItemLabelGenerator(k -> k.displayName(getLocale()));
        computedKind.setClearButtonVisible(true);
        ComboBox<District> computedDistrict = new ComboBox<>(
                getTranslation("goals.edit.indicator.computed-district"));
        computedDistrict.setItems(reference.allDistricts());
        computedDistrict.setItemLabelGenerator(d -> d.displayName(getLocale()));
        computedDistrict.setClearButtonVisible(true);
        Checkbox computedWeekend = new Checkbox(getTranslation("goals.edit.indicator.computed-weekend"));
        Select<TargetGroup> computedGroup = new Select<>();
        computedGroup.setLabel(getTranslation("goals.edit.indicator.computed-group"));
        computedGroup.setItems(TargetGroup.values());
        computedGroup.setItemLabelGenerator(g -> g == null ? "" : getTranslation(g.translationKey()));
        computedGroup.setEmptySelectionAllowed(true);
        computedGroup.setEmptySelectionCaption(getTranslation("goals.edit.indicator.computed-any"));
        Component[] computedFields = {computedKind, computedDistrict, computedWeekend, computedGroup};
        computed.addValueChangeListener(change -> {
            showComputedFields(computed, computedFields);
            // A computed count is one figure per fiscal year; nothing else fits it.
            if (change.getValue() != null) {
                aggregation.setValue(Aggregation.FISCAL_YEAR_TOTAL);
            }
        });

        if (current != null) {
            name.setValue(current.name());
            unit.setValue(current.unit() == null ? "" : current.unit());
            kind.setValue(current.kind());
            direction.setValue(current.direction());
            baselineValue.setValue(current.baselineValue());
            baselineDate.setValue(current.baselineDate());
            targetValue.setValue(current.targetValue());
            targetYear.setValue(current.targetFiscalYear());
            allOrganisations.stream().filter(o -> o.getId().equals(current.responsibleOrganisationId()))
                    .findFirst().ifPresent(organisation::setValue);
            department.setValue(current.responsibleDepartment() == null ? "" : current.responsibleDepartment());
            frequency.setValue(current.frequency());
            aggregation.setValue(current.aggregation());
            breakdowns.setValue(String.join(" / ", current.breakdowns()));
            ComputedDefinition definition = current.computed();
            if (definition != null) {
                computed.setValue(definition.source());
                reference.findKindByCode(definition.kindCode() == null ? "" : definition.kindCode())
                        .ifPresent(computedKind::setValue);
                reference.findDistrictByCode(definition.districtCode() == null ? "" : definition.districtCode())
                        .ifPresent(computedDistrict::setValue);
                computedWeekend.setValue(definition.weekendOrHoliday());
                computedGroup.setValue(definition.targetGroup());
            }
        } else {
            frequency.setValue(UpdateFrequency.YEARLY);
            aggregation.setValue(Aggregation.LATEST);
        }
        showComputedFields(computed, computedFields);

        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("unit", unit);
        fields.put("kind", kind);
        fields.put("direction", direction);
        fields.put("baselineValue", baselineValue);
        fields.put("baselineDate", baselineDate);
        fields.put("targetValue", targetValue);
        fields.put("targetFiscalYear", targetYear);
        fields.put("responsibleOrganisationId", organisation);
        fields.put("responsibleDepartment", department);
        fields.put("frequency", frequency);
        fields.put("aggregation", aggregation);
        fields.put("breakdowns", breakdowns);
        fields.put("computedKind", computedKind);
        fields.put("computedDistrict", computedDistrict);
        fields.put("computed", computed);
        openEditor(current == null ? null : new Conflicts.Target("Indicator", current.id(), current.version()),
                indicator == null ? "goals.edit.indicator.new" : "goals.edit.indicator.edit", fields,
                () -> goals.saveIndicator(new IndicatorForm(current == null ? null : current.id(),
                        current == null ? 0 : current.version(), initiativeId, name.getValue(), unit.getValue(),
                        kind.getValue(), direction.getValue(), baselineValue.getValue(), baselineDate.getValue(),
                        targetValue.getValue(), targetYear.getValue(),
                        organisation.getValue() == null ? null : organisation.getValue().getId(),
                        department.getValue(), frequency.getValue(), splitBreakdowns(breakdowns.getValue()),
                        computedDefinition(computed.getValue(), computedKind.getValue(),
                                computedDistrict.getValue(), computedWeekend.getValue(), computedGroup.getValue()),
                        aggregation.getValue())),
                saved -> showPlan(), name, unit, kind, direction, baselineValue, baselineDate, targetValue,
                targetYear, organisation, department, frequency, aggregation, breakdowns, computed, computedKind,
                computedDistrict, computedWeekend, computedGroup);
    }

    /** The event filters only for event dates: hidden fields keep their values but must not count. */
    private static ComputedDefinition computedDefinition(ComputedDefinition.Source source, EventKind kind,
                                                         District district, boolean weekend, TargetGroup group) {
        if (source == null) {
            return null;
        }
        return source == ComputedDefinition.Source.EVENT_DATES
                ? ComputedDefinition.eventDates(kind == null ? null : kind.getCode(),
                        district == null ? null : district.getCode(), weekend, group)
                : ComputedDefinition.volunteers(source);
    }

    private void showComputedFields(Select<ComputedDefinition.Source> source, Component[] eventFields) {
        boolean events = source.getValue() == ComputedDefinition.Source.EVENT_DATES;
        Arrays.stream(eventFields).forEach(field -> field.setVisible(events));
        source.setHelperText(source.getValue() == null ? getTranslation("goals.edit.indicator.computed-none-helper")
                : switch (source.getValue()) {
                    case EVENT_DATES -> getTranslation("goals.edit.indicator.computed-helper");
                    case VOLUNTEERS_RECRUITED -> getTranslation("goals.edit.indicator.computed-recruited-helper");
                    case VOLUNTEER_HOURS -> getTranslation("goals.edit.indicator.computed-hours-helper");
                });
    }

    /** Labels as typed, separated by a slash (the CSV's separator too) or a Japanese comma. */
    static List<String> splitBreakdowns(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[/／、,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private <E extends Enum<E>> Select<E> enumSelect(String labelKey, E[] values,
                                                   java.util.function.Function<E, String> translationKey) {
        Select<E> select = new Select<>();
        select.setLabel(getTranslation(labelKey));
        select.setItems(values);
        select.setItemLabelGenerator(value -> value == null ? "" : getTranslation(translationKey.apply(value)));
        return select;
    }

    private void openEditor(String titleKey, Map<String, ? extends HasValidation> fields, Supplier<Object> save,
                            java.util.function.Consumer<Object> afterSave, Component... components) {
        openEditor(null, titleKey, fields, save, afterSave, components);
    }

    /**
     * A dialog that saves through the service and, when refused, shows every problem at its field; when
     * {@code edited} is given and someone else changed that record meanwhile, shows what they changed.
     */
    private void openEditor(Conflicts.Target edited, String titleKey, Map<String, ? extends HasValidation> fields,
                            Supplier<Object> save, java.util.function.Consumer<Object> afterSave,
                            Component... components) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(titleKey));
        dialog.setWidth("40rem");
        dialog.setMaxWidth("100%");
        FormLayout form = new FormLayout(components);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        Button saveButton = new Button(getTranslation("action.save"), click -> {
            fields.values().forEach(field -> field.setInvalid(false));
            Runnable reload = () -> {
                dialog.close();
                loadPlans(planSelect.getValue() == null ? null : planSelect.getValue().getId());
            };
            Object saved = edited == null ? Feedback.attempt(this, save, fields, reload)
                    : Conflicts.attempt(this, audit, edited, save, fields, reload);
            if (saved != null) {
                dialog.close();
                afterSave.accept(saved);
                Feedback.success(getTranslation("goals.edit.saved"));
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, saveButton);
        dialog.open();
    }

    // --- CSV ---------------------------------------------------------------------------------------------------

    private Component csvSection() {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.add(new H2(getTranslation("goals.edit.csv.title")),
                new Paragraph(getTranslation("goals.edit.csv.intro")), downloads);
        section.add(uploadRow(CsvPart.STRUCTURE), uploadRow(CsvPart.RESULTS));
        importProblems.addColumn(GoalImportException.RowProblem::line).setKey("line")
                .setHeader(getTranslation("goals.edit.csv.line")).setAutoWidth(true).setFlexGrow(0);
        importProblems.addColumn(GoalImportException.RowProblem::column).setKey("column")
                .setHeader(getTranslation("goals.edit.csv.column")).setAutoWidth(true).setFlexGrow(0);
        importProblems.addColumn(problem -> getTranslation(problem.messageKey())).setKey("reason")
                .setHeader(getTranslation("goals.edit.csv.reason")).setFlexGrow(1);
        importProblems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // A long list scrolls in its own box rather than squeezing the plan's tree above it.
        importProblems.setAllRowsVisible(true);
        importProblems.setMaxHeight(PROBLEMS_MAX_HEIGHT);
        importProblems.setVisible(false);
        section.add(importResult, importProblems);
        return section;
    }

    private void updateDownloads(Plan plan) {
        downloads.removeAll();
        Anchor results = new Anchor("goals/export.csv?plan=" + plan.getId(),
                getTranslation("goals.edit.csv.download-results"));
        Anchor structure = new Anchor("goals/export.csv?part=structure&plan=" + plan.getId(),
                getTranslation("goals.edit.csv.download-structure"));
        Anchor figures = new Anchor("goals/export.csv?part=figures&plan=" + plan.getId(),
                getTranslation("goals.edit.csv.download-figures"));
        HorizontalLayout links = new HorizontalLayout(structure, results, figures);
        links.setWrap(true);
        // Plain links to the controller: the browser saves the file and the Vaadin UI stays where it is.
        for (Anchor link : List.of(structure, results, figures)) {
            link.getElement().setAttribute("download", true);
            link.setRouterIgnore(true);
        }
        downloads.add(links);
    }

    private Component uploadRow(CsvPart part) {
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            // The upload runs without the session lock; the result is shown under the lock.
            ImportOutcome outcome = runImport(part, new ByteArrayInputStream(data));
            ui.access(() -> showImport(outcome));
        }));
        ComponentTexts.texts(upload);
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setId("upload-" + part.name().toLowerCase(java.util.Locale.ROOT));
        Span label = new Span(getTranslation(part == CsvPart.STRUCTURE ? "goals.edit.csv.import-structure"
                : "goals.edit.csv.import-results"));
        VerticalLayout row = new VerticalLayout(label, upload);
        row.setPadding(false);
        row.setSpacing(false);
        return row;
    }

    /**
     * What an import came to: a report; or every bad row, how many rows they are and what the others would have
     * done; or a refusal not tied to rows.
     */
    record ImportOutcome(ImportReport report, List<GoalImportException.RowProblem> rows, long refused,
                         ImportReport others, RuntimeException other) {
    }

    private ImportOutcome runImport(CsvPart part, InputStream in) {
        Long planId = shownPlanId;
        if (planId == null) {
            return new ImportOutcome(null, List.of(), 0, null, new IllegalStateException("No plan"));
        }
        try {
            ImportReport report = part == CsvPart.STRUCTURE ? csv.importStructure(planId, in)
                    : csv.importResults(planId, in);
            return new ImportOutcome(report, List.of(), 0, null, null);
        } catch (GoalImportException e) {
            return new ImportOutcome(null, e.rows(), e.refusedRows(), e.others(), null);
        } catch (RuntimeException e) {
            return new ImportOutcome(null, List.of(), 0, null, e);
        }
    }

    /** Imports a file and shows the outcome; the Upload calls the same, and tests call it directly. */
    void importCsv(CsvPart part, InputStream in) {
        showImport(runImport(part, in));
    }

    private void showImport(ImportOutcome outcome) {
        importResult.removeAll();
        if (outcome.report() != null) {
            importProblems.setVisible(false);
            ImportReport report = outcome.report();
            String message = report.changedNothing() ? getTranslation("goals.edit.csv.no-change", report.unchanged())
                    : getTranslation("goals.edit.csv.imported", report.added(), report.updated(), report.unchanged());
            importResult.add(new Paragraph(message));
            Feedback.success(message);
            loadPlans(planSelect.getValue() == null ? null : planSelect.getValue().getId());
        } else if (!outcome.rows().isEmpty()) {
            ImportReport others = outcome.others();
            importResult.add(new Paragraph(getTranslation("goals.edit.csv.failed", outcome.refused(),
                    others.added(), others.updated(), others.unchanged())));
            importProblems.setItems(outcome.rows());
            importProblems.setVisible(true);
        } else {
            importProblems.setVisible(false);
            if (outcome.other() instanceof InvalidInputException invalid) {
                Feedback.showProblems(this, invalid, Map.of());
            } else {
                Feedback.error(getTranslation("goals.edit.csv.error"));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("goals.edit.admin.title");
    }
}
