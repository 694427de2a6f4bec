package io.casegrid;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service without a job executor, for process tests that run async steps and fire timers themselves. Its engine
 * has its own name: Camunda keeps engines in a JVM-wide registry by name, and the engine REST API of the
 * {@link HttpTest} context must keep finding its own engine as "default". (The starter ignores names with a hyphen.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "camunda.bpm.job-execution.enabled=false",
		"camunda.bpm.process-engine-name=processTests" })
public @interface ProcessTest {

}
