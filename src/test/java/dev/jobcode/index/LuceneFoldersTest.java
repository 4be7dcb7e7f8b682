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
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
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

  @Test
  void aFolderOfAnotherLuceneMajorIsRefusedWithOneLineThatSaysToRebuild() throws IOException {
    try (FSDirectory directory = FSDirectory.open(tmp);
         IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.commit();
    }
    assertThatThrownBy(() -> LuceneFolders.open(tmp, "Lucene index", "'jobcode index'", (directory, reader) -> {
      throw new IndexFormatTooOldException("segments_1", "Index has segments derived from Lucene version 8.x");
    })).isInstanceOf(IndexException.class).hasMessage("the Lucene index in " + tmp + " was written by Lucene 8 or older,"
        + " and this jobcode runs Lucene 10.6.0, which reads indexes written by Lucene 9.0 to 10.6.0: rebuild it with"
        + " 'jobcode index'");
    assertThatThrownBy(() -> LuceneFolders.open(tmp, "candidate pool", "'jobcode candidates reencode'", (d, r) -> {
      throw new IndexFormatTooNewException("segments_1", 12, 9, 11);
    })).isInstanceOf(IndexException.class).hasMessage("the candidate pool in " + tmp + " was written by a Lucene newer"
        + " than 10.6.0, and this jobcode runs Lucene 10.6.0, which reads indexes written by Lucene 9.0 to 10.6.0:"
        + " rebuild it with 'jobcode candidates reencode'");
  }
}
