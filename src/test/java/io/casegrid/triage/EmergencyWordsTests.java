package io.casegrid.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.casegrid.ProcessTest;
import io.casegrid.casefile.Classifier.Triage;

import org.springframework.beans.factory.annotation.Autowired;

/** {@code emergency-words.dmn} as deployed: what residents write that makes a report an emergency, and what does not. */
@ProcessTest
class EmergencyWordsTests {

	@Autowired
	DmnTriage triage;

	@Autowired
	DecisionPreview preview;

	@Autowired
	RepositoryService repository;

	@ParameterizedTest(name = "[{index}] {0}: {1} → {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			PIPE_LEAK         | 单元楼道里燃气泄漏，味道很大，请赶紧派人来           | GAS_LEAK
			PIPE_LEAK         | 3号楼2单元一楼有很浓的煤气味，怀疑管道坏了           | GAS_LEAK
			OTHER             | 厨房天然气味特别重，家里老人不敢开火                 | GAS_LEAK
			PIPE_LEAK         | 小区门口施工挖断燃气管，正在往外冒气                 | GAS_LEAK
			BUILDING_DAMAGE   | 楼下饭店的液化气罐漏气了，老板不在                   | GAS_LEAK
			NOISE_FUMES       | 闻到一股燃气 味，好像是隔壁燃气泄露                  | GAS_LEAK
			ROAD_DAMAGE       | 路面塌陷，燃气管道破裂                               | GAS_LEAK
			GARBAGE           | 垃圾站起火了，火势很大                               | FIRE
			FIRE_HAZARD       | 楼道里电动车着火了，烟往楼上窜                       | FIRE
			ELDERLY_CARE      | 独居老人家里失火，人还在屋里                         | FIRE
			OTHER             | 电梯停在8楼和9楼之间，有人被困在里面                 | FIRE
			OTHER             | 化工厂方向传来爆炸声，窗户都震响了                   | FIRE
			OTHER             | 河水暴涨，村口的堤坝快决堤了                         | FLOOD
			NEIGHBOUR_DISPUTE | 邻居吵架后持刀追到楼下，已经有人受伤                 | MAJOR_PUBLIC_SECURITY
			PRICE_FRAUD       | 燃气费缴纳后账户余额没有变化，请核实                 | -
			PRICE_FRAUD       | 燃气公司上门强制推销燃气泄漏报警器，一个要三百多     | -
			ROAD_DAMAGE       | 小区门口路面坑洼，电动车轮胎漏气好几次了             | -
			HEATING           | 窗户漏气，暖气又不热，屋里只有十五度                 | -
			NOISE_FUMES       | 楼下火锅店每天煮着火锅到半夜，油烟直冲我家窗户       | -
			FIRE_HAZARD       | 楼道堆满纸箱杂物，存在火灾隐患                       | -
			NOISE_FUMES       | 我们长期被困扰，楼下广场舞每晚放到十点               | -
			PIPE_LEAK         | 燃气公司已上门检查，确认没有燃气泄漏，但水管还在漏水 | -
			OTHER             | 想咨询一下天然气开户需要什么材料                     | -
			PIPE_LEAK         | 小区主水管爆裂，路面积水                             | -
			HEATING           | 燃气壁挂炉不出热水，燃气公司一直不派人维修           | -
			""")
	void residentsWordingRoutesTheReportAsItsEmergencyOrAsItsCategory(String category, String description,
			String emergency) {
		Triage triaged = triage.triage(category, description, false);

		if (emergency == null) {
			assertThat(triaged).isEqualTo(triage.triage(category, null, false));
			assertThat(triaged.track()).isNotEqualTo("EMERGENCY");
		}
		else {
			assertThat(triaged).isEqualTo(triage.triage(emergency, null, false));
			assertThat(triaged.track()).isEqualTo("EMERGENCY");
		}
	}

	@Test
	void gasLeakReportedAsAPipeLeakIsAnEmergencyOfTheGasCompany() {
		assertThat(triage.triage("PIPE_LEAK", "3号楼燃气泄漏", false))
			.isEqualTo(new Triage("EMERGENCY", "COUNTY", "GAS_SUPPLY", null, "EMERGENCY", "URGENT"));
	}

	@Test
	void aRedeployedWordListAppliesToTheNextReportWithoutARestart() throws Exception {
		String report = "化粪池井口冒出很重的沼气味，有人头晕";
		assertThat(triage.triage("SEWAGE_OVERFLOW", report, false).track()).isEqualTo("DEPARTMENT");
		var parsed = preview.latest(EmergencyWords.DECISION);
		assertThat(preview.latest(EmergencyWords.DECISION)).isSameAs(parsed);

		String words = Files.readString(Path.of("processes/emergency-words.dmn"))
			.replace("    </decisionTable>", """
					      <rule id="Rule_Biogas">
					        <inputEntry id="Rule_Biogas_Category"><text>-</text></inputEntry>
					        <outputEntry id="Rule_Biogas_Word"><text>"沼气味"</text></outputEntry>
					        <outputEntry id="Rule_Biogas_Category_Out"><text>"GAS_LEAK"</text></outputEntry>
					        <outputEntry id="Rule_Biogas_Unless"><text>""</text></outputEntry>
					      </rule>
					    </decisionTable>""");
		Deployment deployment = repository.createDeployment()
			.name("emergency words with 沼气味")
			.addInputStream("emergency-words.dmn", new ByteArrayInputStream(words.getBytes(StandardCharsets.UTF_8)))
			.deploy();
		try {
			assertThat(triage.triage("SEWAGE_OVERFLOW", report, false).track()).isEqualTo("EMERGENCY");
			assertThat(preview.latest(EmergencyWords.DECISION)).isNotSameAs(parsed);
		}
		finally {
			repository.deleteDeployment(deployment.getId(), true);
		}
		assertThat(triage.triage("SEWAGE_OVERFLOW", report, false).track()).isEqualTo("DEPARTMENT");
	}

}
