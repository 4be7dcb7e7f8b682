package dev.jobcode.table;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook of one sheet (Apache POI, streamed: a few hundred rows in memory at a time).
 * Every cell is text except in the numeric columns, so that a code like {@code 11-1011} or
 * {@code 29-1141.03} stays a code; the header is bold and stays in view when scrolling.
 */
final class SpreadsheetWriter extends TableWriter {
  private static final int MAX_CELL_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
  private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
  private static final int MAX_WIDTH_CHARS = 60;

  private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
  private final SXSSFSheet sheet = workbook.createSheet("jobcode");
  private final boolean[] numeric;
  private final int[] widths;
  private final CellStyle decimal;
  private int next;
  private boolean released;

  SpreadsheetWriter(Path target, List<String> header, Set<String> numericColumns) throws IOException {
    super(target, header);
    numeric = new boolean[header.size()];
    widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      numeric[i] = numericColumns.contains(header.get(i));
    }
    decimal = workbook.createCellStyle();
    decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0000"));
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row row = sheet.createRow(next++);
    for (int i = 0; i < header.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(header.get(i));
      cell.setCellStyle(bold);
      widths[i] = header.get(i).length();
    }
    sheet.createFreezePane(0, 1);
  }

  @Override
  public void write(List<String> values) {
    checkWidth(values);
    if (next >= MAX_ROWS) {
      throw new TableException(target + ": an Excel sheet holds at most " + MAX_ROWS + " rows; write a .csv or .tsv instead");
    }
    Row row = sheet.createRow(next++);
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value.length() > MAX_CELL_CHARS) {
        throw new TableException(String.format(Locale.ROOT,
            "%s row %d: the %s value has %,d characters and an Excel cell holds at most %,d; write a .csv or .tsv instead",
            target, next, header.get(i), value.length(), MAX_CELL_CHARS));
      }
      Cell cell = row.createCell(i);
      Double number = numeric[i] ? number(value) : null;
      if (number != null) {
        cell.setCellValue(number);
        cell.setCellStyle(decimal);
      } else {
        cell.setCellValue(value);
      }
      widths[i] = Math.max(widths[i], Math.min(value.length(), MAX_WIDTH_CHARS));
    }
  }

  @Override
  protected void finish() throws IOException {
    for (int i = 0; i < widths.length; i++) {
      sheet.setColumnWidth(i, (Math.min(widths[i], MAX_WIDTH_CHARS) + 2) * 256);
    }
    try (OutputStream out = Files.newOutputStream(tmp)) {
      workbook.write(out);
    } finally {
      abandon();
    }
  }

  @Override
  protected void abandon() throws IOException {
    if (!released) {
      released = true;
      try {
        workbook.close();
      } finally {
        workbook.dispose();   // the streamed rows' temporary files
      }
    }
  }

  private static Double number(String value) {
    try {
      double d = Double.parseDouble(value);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
