package io.leadgate.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering, top to bottom: {@code api} and {@code console} (with {@code ops} outside the chain) → {@code people}
 * → {@code privacy} → {@code intake} → {@code call} → {@code delivery} → {@code pipeline} → {@code lead} →
 * {@code contact} → {@code channel} → {@code inquiry}, with the bottom packages ({@code policy}, {@code events},
 * {@code outbound}, {@code config}, {@code refusal}, {@code jdbc}) usable from anywhere and using nothing above
 * {@code inquiry}. Imports never run back up; {@code channel} never reaches the domain or the write path;
 * {@code lead}, {@code contact} and {@code pipeline} never import the channel SPI. No violation is ignored or frozen,
 * and each rule also runs against a test class that breaks it ({@code contact.UpwardImportProbe},
 * {@code channel.IntakeImportProbe}) to show that it fails on a new violation.
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
        layers().check(classes);
    }

    @Test
    void everyRuleFailsOnAClassThatBreaksIt() throws ClassNotFoundException {
        JavaClasses contact = new ClassFileImporter().importClasses(Class.forName("io.leadgate.contact.UpwardImportProbe"),
                io.leadgate.delivery.Outbox.class, io.leadgate.channel.ChannelDefinition.class);
        assertTrue(layers().evaluate(contact).hasViolation(), "contact → delivery is an upward import");
        assertTrue(domainWithoutChannel().evaluate(contact).hasViolation(), "contact → channel");
        JavaClasses channel = new ClassFileImporter().importClasses(Class.forName("io.leadgate.channel.IntakeImportProbe"),
                io.leadgate.intake.Outcome.class);
        assertTrue(layers().evaluate(channel).hasViolation(), "channel → intake is an upward import");
        assertTrue(channelOutsideTheDomain().evaluate(channel).hasViolation(), "channel → intake");
        assertFalse(layers().evaluate(new ClassFileImporter().importClasses(io.leadgate.intake.Intake.class,
                io.leadgate.channel.InboundSink.class)).hasViolation(), "intake → channel runs down: allowed");
    }

    private static ArchRule layers() {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
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
                        "io.leadgate.config..", "io.leadgate.refusal..", "io.leadgate.jdbc..")

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
                        "Pipeline", "Lead", "Contact", "Channel", "Bottom");
    }

    @Test
    void channelNeverImportsTheDomainOrTheWritePath() {
        channelOutsideTheDomain().check(classes);
    }

    @Test
    void leadContactAndPipelineNeverImportChannel() {
        domainWithoutChannel().check(classes);
    }

    private static ArchRule channelOutsideTheDomain() {
        return noClasses().that().resideInAPackage("io.leadgate.channel..")
                .should().dependOnClassesThat().resideInAnyPackage("io.leadgate.contact..", "io.leadgate.lead..",
                        "io.leadgate.pipeline..", "io.leadgate.delivery..", "io.leadgate.intake..");
    }

    private static ArchRule domainWithoutChannel() {
        return noClasses().that().resideInAnyPackage("io.leadgate.lead..", "io.leadgate.contact..", "io.leadgate.pipeline..")
                .should().dependOnClassesThat().resideInAPackage("io.leadgate.channel..");
    }
}
