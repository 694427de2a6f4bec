package io.casegrid.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 专报 as an Excel workbook (Apache POI): one sheet per table — 指标 (every figure with its numerator,
 * denominator and previous period), each breakdown, and the two rankings.
 */
final class ReportWorkbook {

	static final String FIGURES_SHEET = "指标";

	static final String DEPARTMENTS_SHEET = "部门考核排名";

	static final String TOWNSHIPS_SHEET = "乡镇考核排名";

	private ReportWorkbook() {
	}

	static byte[] write(MonthlyReport report, ReportContent content) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet figures = book.createSheet(FIGURES_SHEET);
			row(figures, 0, "专报", content.figures().unitName() + " " + report.month() + "（第 " + report.versionNumber()
					+ " 版，" + report.status() + "，SHA-256 " + report.contentHash() + "）");
			row(figures, 1, "指标", "名称", "本期", "分子", "分母", "上期");
			int r = 2;
			for (Figure f : content.figures().figures()) {
				Row row = row(figures, r++, f.key(), f.label());
				number(row, 2, f.value());
				number(row, 3, f.numerator() == null ? null : f.numerator().doubleValue());
				number(row, 4, f.denominator() == null ? null : f.denominator().doubleValue());
				number(row, 5, f.previous());
			}
			for (FigureTable table : content.figures().tables()) {
				Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
				row(sheet, 0, "代码", "名称", "件数");
				int i = 1;
				for (FigureTable.Row tableRow : table.rows()) {
					number(row(sheet, i++, tableRow.key(), tableRow.label()), 2, (double) tableRow.value());
				}
			}
			ranking(book.createSheet(DEPARTMENTS_SHEET), content.departments());
			ranking(book.createSheet(TOWNSHIPS_SHEET), content.townships());
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void ranking(Sheet sheet, List<Assessments.Ranked> ranked) {
		row(sheet, 0, "名次", "单位代码", "单位", "三率得分", "扣分", "得分");
		int i = 1;
		for (Assessments.Ranked r : ranked) {
			Row row = sheet.createRow(i++);
			row.createCell(0).setCellValue(r.rank());
			row.createCell(1).setCellValue(r.assessment().unitCode());
			row.createCell(2).setCellValue(r.assessment().unitName());
			row.createCell(3).setCellValue(r.assessment().threeRateScore());
			row.createCell(4).setCellValue(r.assessment().deductedPoints());
			row.createCell(5).setCellValue(r.assessment().score());
		}
	}

	private static Row row(Sheet sheet, int index, String... texts) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < texts.length; i++) {
			row.createCell(i).setCellValue(texts[i]);
		}
		return row;
	}

	private static void number(Row row, int column, Double value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

}
