package io.casegrid.mediation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.casegrid.identity.PeopleNames;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a mediation agreement as a printable HTML page laid out like a 人民调解协议书: number, parties, the main
 * facts, points in dispute and responsibilities, the agreed terms, how/where/by when they are performed, the
 * signature block (parties, the mediator by full name from the directory, the committee seal) and the notice on
 * judicial confirmation.
 */
@Component
class AgreementDocument {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final ZoneId zone;

	private final PeopleNames names;

	AgreementDocument(@Value("${casegrid.zone}") ZoneId zone, PeopleNames names) {
		this.zone = zone;
		this.names = names;
	}

	String render(MediationAgreement a) {
		return """
				<!DOCTYPE html>
				<html lang="zh-CN">
				<head>
				<meta charset="utf-8">
				<title>人民调解协议书 %1$s</title>
				<style>
				  body { font-family: "SimSun", "Songti SC", serif; max-width: 46em; margin: 2em auto; line-height: 1.9; }
				  h1 { text-align: center; letter-spacing: .3em; } .number { text-align: right; }
				  h2 { font-size: 1.05em; margin: 1.2em 0 .2em; } .text { white-space: pre-wrap; margin: 0 0 0 2em; }
				  .signatures { margin-top: 3em; display: grid; grid-template-columns: 1fr 1fr; gap: 2.5em 3em; }
				  .notice { margin-top: 2em; font-size: .92em; border-top: 1px solid #999; padding-top: .8em; }
				  @media print { body { margin: 0 auto; } }
				</style>
				</head>
				<body>
				<h1>人民调解协议书</h1>
				<p class="number" id="agreement-number">%1$s</p>
				<h2>当事人基本情况</h2>
				<p class="text" id="parties">%2$s</p>
				<h2>纠纷主要事实、争议事项及各方当事人的责任</h2>
				<p class="text" id="facts">%3$s</p>
				<h2>经调解，自愿达成如下协议</h2>
				<p class="text" id="obligations">%4$s</p>
				<h2>履行方式、地点、期限</h2>
				<p class="text" id="performance">%5$s，于 <span id="perform-by">%6$s</span> 前履行完毕。</p>
				<p>本协议一式三份，当事人各执一份，人民调解委员会留存一份。本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。</p>
				<p id="signatures-confirmed">当事人签名（盖章、按指印）：%7$s</p>
				<div class="signatures">
				  <div>当事人（签名）：</div><div>当事人（签名）：</div>
				  <div>人民调解员（签名）：<span id="mediator">%8$s</span></div>
				  <div>调解组织（印章）：<span id="organisation">%9$s</span></div>
				  <div></div><div id="signed-at">%10$s</div>
				</div>
				<p class="notice" id="judicial-confirmation">经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解协议生效之日起三十日内（即 %11$s 前）共同向人民法院申请司法确认。</p>
				</body>
				</html>
				""".formatted(h(a.agreementNumber()), h(a.parties()), h(a.facts()), h(a.obligations()), h(a.performance()),
				date(a.performBy()), a.signaturesConfirmed() ? "已确认" : "未确认", h(names.of(a.mediator()).orElse(a.mediator())),
				h(a.mediatorOrganisation()), date(a.signedAt()), date(a.judicialConfirmationDueAt()));
	}

	private String date(Instant instant) {
		return instant.atZone(zone).format(DATE);
	}

	private static String h(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text);
	}

}
