package dev.jobcode.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jobcode.testing.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes in a CV file (JSONL or CSV) are read into CVs that each have an id and a text, or
 * refused with a {@link CorpusException} that names the file; nothing else escapes, nothing hangs.
 */
class CvFileFuzzTest {
  private static final Path DIR = TempDirs.create("jobcode-cv-fuzz-");

  @FuzzTest(maxExecutions = 60_000, maxDuration = "120s")
  void anyFileIsCvsOrAClearError(FuzzedDataProvider data) throws IOException {
    Path file = DIR.resolve(data.consumeBoolean() ? "cvs.jsonl" : "cvs.csv");
    Files.write(file, data.consumeRemainingAsBytes());
    try {
      for (Cv cv : CvFile.read(file)) {
        assertThat(cv.id()).isNotBlank();
        assertThat(cv.text()).isNotBlank();
      }
    } catch (CorpusException e) {
      assertThat(e.getMessage()).contains(file.getFileName().toString());
    }
  }
}
