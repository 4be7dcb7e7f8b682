package dev.jobcode.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads the first sheet of an Excel workbook (Apache POI) as a table: the first non-empty row is
 * the header, every cell is read as Excel shows it (a formula by its last computed value), empty
 * rows are passed over, and a row's missing cells at its end are empty values.
 */
final class Spreadsheet {
  private Spreadsheet() {}

  static DelimitedText.Parsed read(Path file, byte[] bytes, TableFormat format) {
    if (!TextFile.isZip(bytes) && !TextFile.isOle2(bytes)) {
      throw new TableException(file + " is not an Excel workbook, though its name ends in ." + format.name().toLowerCase(Locale.ROOT)
          + "; a CSV or TSV file is read when its name ends in .csv or .tsv");
    }
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      if (workbook.getNumberOfSheets() == 0) {
        throw new TableException(file + " has no sheet");
      }
      return read(file, workbook.getSheetAt(0));
    } catch (TableException e) {
      throw e;
    } catch (EncryptedDocumentException e) {
      throw new TableException(file + " is protected by a password; save a copy without one");
    } catch (IOException | RuntimeException e) {
      throw new TableException(file + " is not a readable Excel workbook: " + e.getMessage());
    }
  }

  private static DelimitedText.Parsed read(Path file, Sheet sheet) {
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    formatter.setUseCachedValuesForFormulaCells(true);
    List<String> header = null;
    List<Table.Row> rows = new ArrayList<>();
    for (Row row : sheet) {
      List<String> values = new ArrayList<>();
      for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
        Cell cell = row.getCell(c);
        values.add(cell == null ? "" : formatter.formatCellValue(cell));
      }
      if (values.stream().allMatch(String::isBlank)) {
        continue;
      }
      long number = row.getRowNum() + 1L;
      if (header == null) {
        while (values.get(values.size() - 1).isBlank()) {
          values.remove(values.size() - 1);
        }
        header = values.stream().map(String::strip).toList();
        continue;
      }
      for (int c = header.size(); c < values.size(); c++) {
        if (!values.get(c).isBlank()) {
          throw new TableException(file + " row " + number + ": cell " + CellReference.convertNumToColString(c) + number
              + " holds a value, but the header has only " + header.size() + " columns");
        }
      }
      List<String> fitted = new ArrayList<>(values.subList(0, Math.min(values.size(), header.size())));
      while (fitted.size() < header.size()) {
        fitted.add("");
      }
      rows.add(new Table.Row(number, fitted));
    }
    if (header == null) {
      throw new TableException(file + " is empty: expected a header row in its first sheet");
    }
    return new DelimitedText.Parsed(header, rows);
  }
}
