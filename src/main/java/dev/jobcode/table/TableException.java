package dev.jobcode.table;

/** A table file that cannot be read as given; the message names the file and line. */
public class TableException extends RuntimeException {
  public TableException(String message) {
    super(message);
  }
}
