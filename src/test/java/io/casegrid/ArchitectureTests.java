package io.casegrid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The house follows the loop: feature packages do not go round in circles, and the engine's glue serves them all. */
class ArchitectureTests {

	private static final JavaClasses PRODUCT = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.casegrid");

	@Test
	void featurePackagesAreFreeOfCycles() {
		slices().matching("io.casegrid.(*)..").should().beFreeOfCycles().check(PRODUCT);
	}

	@Test
	void theEventCatalogueAndOutboxDependOnNoFeature() {
		noClasses().that()
			.resideInAPackage("io.casegrid.events..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.casegrid.archive..", "io.casegrid.casefile..", "io.casegrid.dispatch..",
					"io.casegrid.emergency..", "io.casegrid.escalation..", "io.casegrid.feedback..",
					"io.casegrid.handling..", "io.casegrid.intake..", "io.casegrid.mediation..", "io.casegrid.sla..",
					"io.casegrid.triage..", "io.casegrid.whistle..", "io.casegrid.worklist..", "io.casegrid.notify..",
					"io.casegrid.security..", "io.casegrid.web..")
			.check(PRODUCT);
	}

	@Test
	void theEngineGlueDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("io.casegrid.process..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.casegrid.archive..", "io.casegrid.casefile..", "io.casegrid.dispatch..",
					"io.casegrid.emergency..", "io.casegrid.escalation..", "io.casegrid.feedback..",
					"io.casegrid.handling..", "io.casegrid.intake..", "io.casegrid.mediation..", "io.casegrid.sla..",
					"io.casegrid.triage..", "io.casegrid.whistle..", "io.casegrid.worklist..")
			.check(PRODUCT);
	}

}
