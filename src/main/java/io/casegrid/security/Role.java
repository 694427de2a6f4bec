package io.casegrid.security;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of {@code keycloak-realm/casegrid-realm.json}, by the name tokens carry. */
public enum Role {

	/** 网格员: reports and handles the cases of their grid. */
	GRID_WORKER("grid-worker"),
	/** 网格长: the grids of their village/community. */
	GRID_LEAD("grid-lead"),
	/** 调解员: the disputes of their village. */
	VILLAGE_MEDIATOR("village-mediator"),
	/** 品牌调解室 of a township. */
	BRAND_MEDIATION_ROOM("brand-mediation-room"),
	/** 派出所所长, one of the three heads (三长会商). */
	POLICE_CHIEF("police-chief"),
	/** 法庭庭长. */
	COURT_CHIEF("court-chief"),
	/** 司法所所长. */
	JUDICIAL_CHIEF("judicial-chief"),
	/** 乡街调度: everything in the township. */
	TOWNSHIP_DISPATCHER("township-dispatcher"),
	/** 县综治中心: everything in the county. */
	COUNTY_CENTRE("county-centre"),
	/** 部门: the cases handled by their department. */
	DEPARTMENT_OFFICER("department-officer"),
	/** 督查. */
	SUPERVISOR("supervisor"),
	/** Edits processes: reads definitions and deployments in Cockpit and the engine REST API. */
	PROCESS_DESIGNER("process-designer"),
	/** Deploys processes (Camunda Modeler's deploy button): the only role that may create deployments. */
	PROCESS_DEPLOYER("process-deployer"),
	/** 审计. */
	AUDITOR("auditor"),
	/** 县领导: reads the published monthly 专报 (and nothing else). */
	COUNTY_LEADER("county-leader"),
	/** 管理员. */
	ADMIN("admin"),
	/** An app (the 12345 hotline, a third-party app) that reports cases and reads the ones it reported. */
	CASE_REPORTER("case-reporter"),
	/** An app that relays the resident's evaluation of the cases it reported. */
	FEEDBACK_CHANNEL("feedback-channel");

	private final String tokenName;

	Role(String tokenName) {
		this.tokenName = tokenName;
	}

	public String tokenName() {
		return tokenName;
	}

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + tokenName;
	}

	public static Optional<Role> fromToken(String name) {
		return Arrays.stream(values()).filter(r -> r.tokenName.equals(name)).findFirst();
	}

}
