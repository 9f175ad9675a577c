package jp.kosodatehub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Service;

@AnalyzeClasses(packages = "jp.kosodatehub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> HAVE_STATE_CHANGED_OUTSIDE_CONSTRUCTORS =
            new DescribedPredicate<>("have state changed outside constructors") {
                @Override
                public boolean test(JavaClass entity) {
                    Set<JavaClass> hierarchy = new HashSet<>(entity.getAllRawSuperclasses());
                    hierarchy.add(entity);
                    return hierarchy.stream()
                            .flatMap(type -> type.getCodeUnits().stream())
                            .filter(codeUnit -> !codeUnit.isConstructor())
                            .map(JavaCodeUnit::getFieldAccesses)
                            .flatMap(Set::stream)
                            .filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.SET)
                            .map(JavaFieldAccess::getTarget)
                            .map(AccessTarget::getOwner)
                            .anyMatch(hierarchy::contains);
                }
            };

    @ArchTest
    static final ArchRule viewsNeverTouchRepositories = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .because("views go through services, which check who may see and change what");

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInsideTheirOwnFeaturePackage = classes()
            .that().areAssignableTo(Repository.class).and().resideInAPackage("jp.kosodatehub..")
            .should(onlyBeUsedFromTheirOwnPackage())
            .because("each feature's service is the one door to its data");

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyByServices = classes()
            .that().areAssignableTo(Repository.class).and().resideInAPackage("jp.kosodatehub..")
            .should(onlyBeUsedByServices())
            .because("authorisation and validation live in the services, so nothing may go around them");

    @ArchTest
    static final ArchRule pastOffersAreRecordedOnlyByTheLargeDataSet = noClasses()
            .that(DescribedPredicate.describe("are not the large data set generator",
                    type -> !type.getName().startsWith("jp.kosodatehub.demo.LargeDataSet")))
            .should().callMethodWhere(DescribedPredicate.describe("OfferService.recordPastOffer",
                    call -> call.getTarget().getName().equals("recordPastOffer")))
            .because("a back-dated offer is generated history; a visitor's offer is always dated now");

    @ArchTest
    static final ArchRule servicesDoNotDependOnViews = noClasses()
            .that().areAnnotatedWith(Service.class)
            .should().dependOnClassesThat().resideInAPackage("..ui..")
            .because("services are shared by every view and by start-up jobs");

    @ArchTest
    static final ArchRule everyRouteAndLayoutDeclaresWhoMayOpenIt = classes()
            .that().areAnnotatedWith(Route.class).or().areAnnotatedWith(Layout.class)
            .should().beAnnotatedWith(RolesAllowed.class)
            .orShould().beAnnotatedWith(PermitAll.class)
            .orShould().beAnnotatedWith(DenyAll.class)
            .orShould().beAnnotatedWith(AnonymousAllowed.class)
            .because("Vaadin denies an unannotated view, and a forgotten annotation should fail here, not in use");

    @ArchTest
    static final ArchRule entitiesChangedAfterCreationHaveAVersion = classes()
            .that().areAnnotatedWith(Entity.class).and(HAVE_STATE_CHANGED_OUTSIDE_CONSTRUCTORS)
            .should(haveAVersionField())
            .because("two coordinators editing the same record must not silently overwrite each other");

    @ArchTest
    static void editableEntitiesAreRecognisedAsSuch(JavaClasses classes) {
        // Guards the rule above against passing vacuously if the predicate stops matching anything.
        Set<String> editable = classes.stream()
                .filter(c -> c.isAnnotatedWith(Entity.class))
                .filter(HAVE_STATE_CHANGED_OUTSIDE_CONSTRUCTORS)
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toSet());

        assertThat(editable).contains("Event", "Organisation", "Account", "District", "EventKind");
    }

    @ArchTest
    static void namedEditableEntitiesHaveAVersionField(JavaClasses classes) {
        for (String name : Set.of("jp.kosodatehub.events.Event", "jp.kosodatehub.organisations.Organisation",
                "jp.kosodatehub.security.Account", "jp.kosodatehub.reference.District",
                "jp.kosodatehub.reference.EventKind")) {
            JavaClass entity = classes.get(name);
            assertThat(entity.getAllFields())
                    .as("@Version field of %s (including inherited ones)", name)
                    .anyMatch(field -> field.isAnnotatedWith(Version.class));
        }
    }

    private static ArchCondition<JavaClass> haveAVersionField() {
        return new ArchCondition<>("have a field annotated with @Version") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                boolean versioned = entity.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(Version.class));
                events.add(new SimpleConditionEvent(entity, versioned,
                        entity.getName() + (versioned ? " has" : " has no") + " @Version field"));
            }
        };
    }

    private static ArchCondition<JavaClass> onlyBeUsedFromTheirOwnPackage() {
        return new ArchCondition<>("only be used from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    boolean samePackage = origin.getPackageName().equals(repository.getPackageName());
                    events.add(new SimpleConditionEvent(origin, samePackage, dependency.getDescription()));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> onlyBeUsedByServices() {
        return new ArchCondition<>("only be used by @Service classes") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    boolean allowed = origin.equals(repository) || origin.isAnnotatedWith(Service.class);
                    events.add(new SimpleConditionEvent(origin, allowed, dependency.getDescription()));
                }
            }
        };
    }
}
