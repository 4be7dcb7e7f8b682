package dev.jobcode.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneFoldersTest {
  @TempDir
  Path tmp;

  @Test
  void aFailingOpenerLeavesNeitherReaderNorDirectoryOpen() throws IOException {
    try (FSDirectory directory = FSDirectory.open(tmp);
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField("id", "1", Field.Store.YES));
      writer.addDocument(doc);
    }
    AtomicReference<DirectoryReader> opened = new AtomicReference<>();
    AtomicReference<FSDirectory> folder = new AtomicReference<>();
    assertThatThrownBy(() -> LuceneFolders.open(tmp, "test index", "'rebuild'", (directory, reader) -> {
      folder.set(directory);
      opened.set(reader);
      throw new IllegalStateException("no occupations file");
    })).isInstanceOf(IndexException.class).hasMessageContaining("no occupations file").hasMessageContaining("'rebuild'");
    assertThat(opened.get().getRefCount()).isZero();   // closed
    assertThatThrownBy(() -> folder.get().listAll()).isInstanceOf(org.apache.lucene.store.AlreadyClosedException.class);
  }
}
