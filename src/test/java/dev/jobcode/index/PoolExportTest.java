package dev.jobcode.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobcode.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pool written to one file and read back into another store: the same CVs, the same vectors. */
class PoolExportTest {
  @TempDir
  Path tmp;

  @Test
  void aPoolRoundTripsThroughItsExport() throws IOException {
    CandidatePool source = Fixtures.pool();
    Path file = tmp.resolve("pool.jsonl");
    PoolExport.Header header = PoolExport.write(source, file, ProgressListener.NONE);
    assertThat(header.count()).isEqualTo(source.size());
    assertThat(Files.readAllLines(file)).hasSize(source.size() + 1);

    try (PoolExport.Reader reader = PoolExport.read(file);
         CandidatePool copy = CandidatePool.open(tmp.resolve("copy"), reader.header().model(), reader.header().hnsw())) {
      List<PoolExport.Line> all = new ArrayList<>();
      for (List<PoolExport.Line> chunk = reader.next(77); !chunk.isEmpty(); chunk = reader.next(77)) {
        all.addAll(chunk);
        assertThat(copy.put(chunk.stream().map(l -> new CandidateStore.Put(l.entry(), l.vector(), false)).toList()))
            .allMatch(CandidateStore.PutResult::stored);
      }
      assertThat(all).hasSize(source.size());
      assertThat(copy.list()).isEqualTo(source.list());
      String id = source.list().get(5).id();
      assertThat(copy.vector(id)).get().satisfies(v -> assertThat(v).containsExactly(source.vector(id).orElseThrow()));
    }
  }

  @Test
  void aFileThatIsNotAnExportIsRefusedWithWhatToDo() throws IOException {
    Path notOne = Files.writeString(tmp.resolve("cvs.jsonl"), "{\"id\": \"a\", \"text\": \"hello\"}\n");
    assertThatThrownBy(() -> PoolExport.read(notOne)).isInstanceOf(IndexException.class)
        .hasMessageContaining("is not a jobcode pool export").hasMessageContaining("jobcode candidates export");
    Path broken = tmp.resolve("broken.jsonl");
    PoolExport.write(Fixtures.pool(), broken, ProgressListener.NONE);
    Files.writeString(broken, "{\"entry\": {\"cv\": {\"id\": \"x\", \"text\": \"t\"}}, \"vector\": [1, 2]}\n",
        java.nio.file.StandardOpenOption.APPEND);
    try (PoolExport.Reader reader = PoolExport.read(broken)) {
      assertThatThrownBy(() -> {
        while (!reader.next(1000).isEmpty()) {
          // read to the end
        }
      }).isInstanceOf(IndexException.class).hasMessageContaining("line " + (Fixtures.pool().size() + 2))
          .hasMessageContaining("dimensions");
    }
  }
}
