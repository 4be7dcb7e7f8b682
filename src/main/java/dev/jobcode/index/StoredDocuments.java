package dev.jobcode.index;

import java.io.IOException;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;

/**
 * Reads every stored document of an index once, in order. Lucene's ordinary stored-fields reader
 * decompresses a document's block (and its preset dictionary) again for each document it returns;
 * the merge instance, made for reading a segment straight through, keeps the block it decompressed,
 * which reads the occupation index's 65,650 documents in about 20 ms instead of 0.5–1 s.
 */
final class StoredDocuments {
  private StoredDocuments() {}

  /** Receives a document and its index-wide id. */
  @FunctionalInterface
  interface Visitor {
    void accept(int doc, Document document) throws IOException;
  }

  /** Calls {@code visitor} for every document of {@code reader} (deleted ones included), by increasing id. */
  static void forEach(IndexReader reader, Visitor visitor) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      if (r instanceof CodecReader codec && codec.getFieldsReader() != null) {
        StoredFieldsReader sequential = codec.getFieldsReader().getMergeInstance();
        for (int doc = 0; doc < r.maxDoc(); doc++) {
          DocumentStoredFieldVisitor fields = new DocumentStoredFieldVisitor();
          sequential.document(doc, fields);
          visitor.accept(leaf.docBase + doc, fields.getDocument());
        }
      } else {
        StoredFields stored = r.storedFields();
        for (int doc = 0; doc < r.maxDoc(); doc++) {
          visitor.accept(leaf.docBase + doc, stored.document(doc));
        }
      }
    }
  }
}
