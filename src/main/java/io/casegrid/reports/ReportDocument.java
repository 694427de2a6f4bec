package io.casegrid.reports;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * The printable Chinese 专报 as one HTML page with its charts drawn as inline SVG on the server (no script, no CDN):
 * the six months' trend, the ranking bars of departments and townships, the pie of the top categories.
 */
final class ReportDocument {

	private static final String[] COLOURS = { "#c0392b", "#2e86c1", "#27ae60", "#f39c12", "#8e44ad", "#16a085",
			"#d35400", "#2c3e50", "#7f8c8d", "#e84393" };

	private ReportDocument() {
	}

	static String write(MonthlyReport report, ReportContent content) {
		UnitFigures f = content.figures();
		StringBuilder html = new StringBuilder();
		html.append("""
				<!DOCTYPE html>
				<html lang="zh-CN"><head><meta charset="utf-8"><title>%1$s</title>
				<style>
				body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;
				     max-width:1000px;margin:24px auto;color:#222}
				h1{text-align:center;color:#b22222;letter-spacing:4px;border-bottom:3px solid #b22222;padding-bottom:8px}
				h2{border-left:6px solid #b22222;padding-left:8px;font-size:18px}
				table{border-collapse:collapse;width:100%%;font-size:14px}th,td{border:1px solid #999;padding:4px 8px}
				th{background:#f3e5e5}td.n{text-align:right}.meta{color:#555;font-size:12px;text-align:center}
				.charts{display:flex;flex-wrap:wrap;gap:16px}
				@media print{.charts{break-inside:avoid}}
				</style></head><body>
				<h1>%1$s</h1>
				<p class="meta">统计期间 %2$s 至 %3$s（不含）· 第 %4$d 版 · %5$s · 内容校验 SHA-256 %6$s</p>
				""".formatted(esc(f.unitName() + " " + report.month().getYear() + "年" + report.month().getMonthValue()
				+ "月 接诉即办专报"), f.period().from(), f.period().to(), report.versionNumber(),
				report.status() == MonthlyReport.Status.PUBLISHED ? "已发布 " + report.publishedAt() : "草稿（待审核）",
				report.contentHash()));
		html.append("<h2>一、主要指标</h2><table><tr><th>指标</th><th>本月</th><th>分子/分母</th><th>上月</th></tr>");
		for (Figure figure : f.figures()) {
			html.append("<tr><td>").append(esc(figure.label())).append("</td><td class=\"n\">")
				.append(value(figure.value())).append("</td><td class=\"n\">")
				.append(figure.numerator() == null ? "" : figure.numerator() + " / " + figure.denominator())
				.append("</td><td class=\"n\">").append(value(figure.previous())).append("</td></tr>");
		}
		html.append("</table>");
		html.append("<h2>二、图表</h2><div class=\"charts\">");
		html.append(trend(content.trend()));
		html.append(pie("类别前十", f.table("topCategories").rows()));
		html.append(bars("部门考核得分", content.departments()));
		html.append(bars("乡镇（街道）考核得分", content.townships()));
		html.append("</div>");
		html.append("<h2>三、考核排名</h2>");
		rankingTable(html, "部门", content.departments());
		rankingTable(html, "乡镇（街道）", content.townships());
		html.append("<h2>四、分类统计</h2>");
		for (FigureTable table : f.tables()) {
			html.append("<h3>").append(esc(table.title())).append("</h3><table><tr><th>项目</th><th>件数</th></tr>");
			for (FigureTable.Row row : table.rows()) {
				html.append("<tr><td>").append(esc(row.label())).append("</td><td class=\"n\">").append(row.value())
					.append("</td></tr>");
			}
			html.append("</table>");
		}
		if (report.reviewComment() != null) {
			html.append("<h2>五、审核意见</h2><p>").append(esc(report.reviewComment())).append("</p>");
		}
		html.append("<p class=\"meta\">各项指标的口径见 docs/reports.md。</p></body></html>");
		return html.toString();
	}

	private static void rankingTable(StringBuilder html, String what, List<Assessments.Ranked> ranked) {
		html.append("<h3>").append(what).append("</h3><table><tr><th>名次</th><th>单位</th><th>三率得分</th>")
			.append("<th>扣分</th><th>得分</th></tr>");
		for (Assessments.Ranked r : ranked) {
			html.append("<tr><td class=\"n\">").append(r.rank()).append("</td><td>")
				.append(esc(r.assessment().unitName())).append("</td><td class=\"n\">")
				.append(value(r.assessment().threeRateScore())).append("</td><td class=\"n\">")
				.append(value(r.assessment().deductedPoints())).append("</td><td class=\"n\">")
				.append(value(r.assessment().score())).append("</td></tr>");
		}
		html.append("</table>");
	}

	/** 受理件数 per month as a line, 满意率 as a second line on its own 0–100 scale. */
	static String trend(List<ReportContent.MonthPoint> points) {
		int width = 460;
		int height = 240;
		int left = 40;
		int bottom = 200;
		long max = Math.max(1, points.stream().mapToLong(ReportContent.MonthPoint::received).max().orElse(1));
		double step = points.size() > 1 ? (width - left - 30.0) / (points.size() - 1) : 0;
		StringBuilder svg = svgStart("受理件数与满意率（近六个月）", width, height);
		svg.append(line(left, bottom, width - 20, bottom, "#999")).append(line(left, 30, left, bottom, "#999"));
		StringBuilder received = new StringBuilder();
		StringBuilder satisfied = new StringBuilder();
		for (int i = 0; i < points.size(); i++) {
			ReportContent.MonthPoint p = points.get(i);
			double x = left + i * step;
			double y = bottom - 160.0 * p.received() / max;
			received.append(fmt(x)).append(',').append(fmt(y)).append(' ');
			svg.append("<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"#c0392b\"/>".formatted(fmt(x), fmt(y)));
			svg.append(text(x, y - 8, String.valueOf(p.received()), "middle", 11));
			if (p.satisfactionRate() != null) {
				satisfied.append(fmt(x)).append(',').append(fmt(bottom - 1.6 * p.satisfactionRate())).append(' ');
			}
			svg.append(text(x, bottom + 16, Integer.parseInt(p.month().substring(5)) + "月", "middle", 11));
		}
		svg.append("<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" points=\"%s\"/>"
			.formatted(received.toString().trim()));
		if (!satisfied.isEmpty()) {
			svg.append("<polyline fill=\"none\" stroke=\"#2e86c1\" stroke-width=\"2\" stroke-dasharray=\"6 3\" points=\"%s\"/>"
				.formatted(satisfied.toString().trim()));
		}
		svg.append(text(width - 150, 40, "— 受理件数", "start", 12).replace("<text", "<text fill=\"#c0392b\""));
		svg.append(text(width - 150, 56, "-- 满意率（%）", "start", 12).replace("<text", "<text fill=\"#2e86c1\""));
		return svg.append("</svg></figure>").toString();
	}

	static String bars(String title, List<Assessments.Ranked> ranked) {
		int rowHeight = 22;
		int height = 50 + rowHeight * Math.max(1, ranked.size());
		int width = 460;
		StringBuilder svg = svgStart(title, width, height);
		int y = 30;
		for (Assessments.Ranked r : ranked) {
			double length = 260 * Math.max(0, r.assessment().score()) / 100.0;
			svg.append(text(150, y + 14, r.rank() + ". " + r.assessment().unitName(), "end", 12));
			svg.append("<rect x=\"158\" y=\"%d\" width=\"%s\" height=\"16\" fill=\"%s\"/>".formatted(y, fmt(length),
					r.rank() == 1 ? "#27ae60" : "#2e86c1"));
			svg.append(text(162 + length, y + 13, value(r.assessment().score()), "start", 11));
			y += rowHeight;
		}
		return svg.append("</svg></figure>").toString();
	}

	static String pie(String title, List<FigureTable.Row> rows) {
		int width = 460;
		int height = 240;
		StringBuilder svg = svgStart(title, width, height);
		long total = rows.stream().mapToLong(FigureTable.Row::value).sum();
		double cx = 120;
		double cy = 130;
		double radius = 90;
		if (total == 0) {
			svg.append(text(cx, cy, "本月无诉求", "middle", 13));
		}
		double angle = -Math.PI / 2;
		for (int i = 0; i < rows.size(); i++) {
			FigureTable.Row row = rows.get(i);
			String colour = COLOURS[i % COLOURS.length];
			if (total > 0 && row.value() == total) {
				svg.append("<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>".formatted(fmt(cx), fmt(cy), fmt(radius),
						colour));
			}
			else if (total > 0) {
				double sweep = 2 * Math.PI * row.value() / total;
				double x1 = cx + radius * Math.cos(angle);
				double y1 = cy + radius * Math.sin(angle);
				double x2 = cx + radius * Math.cos(angle + sweep);
				double y2 = cy + radius * Math.sin(angle + sweep);
				svg.append("<path d=\"M%s,%s L%s,%s A%s,%s 0 %d 1 %s,%s Z\" fill=\"%s\"/>".formatted(fmt(cx), fmt(cy),
						fmt(x1), fmt(y1), fmt(radius), fmt(radius), sweep > Math.PI ? 1 : 0, fmt(x2), fmt(y2), colour));
				angle += sweep;
			}
			int ly = 40 + i * 18;
			svg.append("<rect x=\"240\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>".formatted(ly, colour));
			svg.append(text(258, ly + 11, row.label() + " " + row.value(), "start", 12));
		}
		return svg.append("</svg></figure>").toString();
	}

	private static StringBuilder svgStart(String title, int width, int height) {
		return new StringBuilder("<figure style=\"margin:0\"><figcaption><b>").append(esc(title))
			.append("</b></figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">"
				.formatted(width, height, width, height, esc(title)));
	}

	private static String line(double x1, double y1, double x2, double y2, String colour) {
		return "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"/>".formatted(fmt(x1), fmt(y1), fmt(x2),
				fmt(y2), colour);
	}

	private static String text(double x, double y, String text, String anchor, int size) {
		return "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"%d\">%s</text>".formatted(fmt(x), fmt(y), anchor,
				size, esc(text));
	}

	private static String value(Double value) {
		if (value == null) {
			return "—";
		}
		return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String value(double value) {
		return value(Double.valueOf(value));
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
	}

}
