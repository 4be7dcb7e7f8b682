package dev.jobcode.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jobcode.testing.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes in an input file (CSV, TSV, Excel's .txt, or a workbook) are read into a table whose
 * rows all fit the header, or refused with a {@link TableException} that names the file; nothing
 * else escapes, nothing hangs.
 */
class TableFuzzTest {
  private static final Path DIR = TempDirs.create("jobcode-table-fuzz-");
  private static final String[] NAMES = {"input.csv", "input.tsv", "input.txt", "input", "input.xlsx"};

  @FuzzTest(maxExecutions = 60_000, maxDuration = "120s")
  void anyFileIsATableOrAClearError(FuzzedDataProvider data) throws IOException {
    Path file = DIR.resolve(data.pickValue(NAMES));
    Files.write(file, data.consumeRemainingAsBytes());
    try {
      Table table = Table.read(file);
      assertThat(table.header()).isNotEmpty();
      for (Table.Row row : table.rows()) {
        assertThat(row.values()).hasSameSizeAs(table.header());
        assertThat(row.line()).isGreaterThan(1);
      }
    } catch (TableException e) {
      assertThat(e.getMessage()).contains(file.toString());
    }
  }
}
