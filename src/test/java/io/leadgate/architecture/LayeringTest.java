package io.leadgate.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering: {@code api}, {@code console} (over {@code people}, the console's users) → {@code intake} → {@code delivery} → {@code pipeline} →
 * {@code lead} → {@code contact} → {@code inquiry}, with {@code channel} beside the domain. Imports never run back up.
 * The bottom packages ({@code policy}, {@code events}, {@code outbound}, {@code config}) are used from anywhere and
 * use nothing above them.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.leadgate");
    }

    @Test
    void importsNeverRunBackUpTheLayers() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("Api").definedBy("io.leadgate.api..", "io.leadgate.console..")
                .layer("Ops").definedBy("io.leadgate.ops..")
                .layer("People").definedBy("io.leadgate.people..")
                .layer("Privacy").definedBy("io.leadgate.privacy..")
                .layer("Intake").definedBy("io.leadgate.intake..")
                .layer("Call").definedBy("io.leadgate.call..")
                .layer("Delivery").definedBy("io.leadgate.delivery..")
                .layer("Pipeline").definedBy("io.leadgate.pipeline..")
                .layer("Lead").definedBy("io.leadgate.lead..")
                .layer("Contact").definedBy("io.leadgate.contact..")
                .layer("Channel").definedBy("io.leadgate.channel..")
                .layer("Inquiry").definedBy("io.leadgate.inquiry..")
                .layer("Bottom").definedBy("io.leadgate.policy..", "io.leadgate.events..", "io.leadgate.outbound..",
                        "io.leadgate.config..")

                .whereLayer("Api").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ops").mayNotBeAccessedByAnyLayer()
                .whereLayer("People").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("Privacy").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("Intake").mayOnlyBeAccessedByLayers("Api", "Privacy")
                .whereLayer("Call").mayOnlyBeAccessedByLayers("Api", "Privacy", "Intake")
                .whereLayer("Delivery").mayOnlyBeAccessedByLayers("Api", "Privacy", "Intake")
                .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Api", "Privacy", "Intake", "Delivery")
                .whereLayer("Lead").mayOnlyBeAccessedByLayers("Api", "Privacy", "Intake", "Delivery", "Pipeline")
                .whereLayer("Contact").mayOnlyBeAccessedByLayers("Api", "Privacy", "Intake", "Call", "Delivery",
                        "Pipeline", "Lead")
                .whereLayer("Channel").mayOnlyBeAccessedByLayers("Api", "Ops", "Privacy", "Intake", "Delivery")
                .whereLayer("Inquiry").mayOnlyBeAccessedByLayers("Api", "Ops", "Privacy", "Intake", "Call", "Delivery",
                        "Pipeline", "Lead", "Contact", "Channel", "Bottom")
                .check(classes);
    }

    @Test
    void channelNeverImportsTheDomainOrTheWritePath() {
        noClasses().that().resideInAPackage("io.leadgate.channel..")
                .should().dependOnClassesThat().resideInAnyPackage("io.leadgate.contact..", "io.leadgate.lead..",
                        "io.leadgate.pipeline..", "io.leadgate.delivery..")
                .check(classes);
        noClasses().that().resideInAPackage("io.leadgate.channel..")
                .should().dependOnClassesThat().resideInAPackage("io.leadgate.intake..")
                .check(classes);
    }

    @Test
    void leadContactAndPipelineNeverImportChannel() {
        noClasses().that().resideInAnyPackage("io.leadgate.lead..", "io.leadgate.contact..", "io.leadgate.pipeline..")
                .should().dependOnClassesThat().resideInAPackage("io.leadgate.channel..")
                .check(classes);
    }
}
