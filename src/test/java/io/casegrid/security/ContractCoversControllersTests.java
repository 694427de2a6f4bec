package io.casegrid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.casegrid.HttpTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The contract is the access list: an operation a controller serves under {@code /api} but the contract does not
 * declare would be refused to everybody at run time — this test says so at build time, and also that every declared
 * operation names its roles and is served.
 */
@HttpTest
class ContractCoversControllersTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiOperationOfTheControllersIsInTheContractAndViceVersa() {
		Set<String> served = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("io.casegrid")) {
				return;
			}
			for (String path : info.getPatternValues()) {
				if (path.startsWith("/api/")) {
					info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + path));
				}
			}
		});
		Set<String> declared = new TreeSet<>();
		OperationRolesHttpTests.contract().forEach(o -> declared.add(o.method() + " " + o.path()));

		assertThat(served).as("API operations served by the controllers").isNotEmpty();
		assertThat(declared).as("operations in openapi/casegrid.yaml").containsAll(served);
		assertThat(served).as("operations the controllers serve").containsAll(declared);
	}

	@Test
	void everyOperationOfTheContractDeclaresItsRoles() {
		assertThat(OperationRolesHttpTests.contract()).isNotEmpty()
			.allSatisfy(o -> assertThat(o.roles()).as(o.id() + " x-casegrid-roles").isNotEmpty());
	}

	@Test
	void theServiceEnforcesTheSameOperationsTheContractDeclares() {
		Set<String> enforced = new TreeSet<>();
		ApiOperations.fromContract().all().forEach(o -> enforced.add(o.method().name() + " " + o.path()));
		Set<String> declared = new TreeSet<>();
		OperationRolesHttpTests.contract().forEach(o -> declared.add(o.method() + " " + o.path()));
		assertThat(enforced).isEqualTo(declared);
	}

}
