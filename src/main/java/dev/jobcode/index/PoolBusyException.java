package dev.jobcode.index;

import java.nio.file.Path;

/** Another process (most likely a running server) writes to the pool: a second writer is refused. */
public final class PoolBusyException extends IndexException {
  PoolBusyException(Path dir, Throwable cause) {
    super("the candidate pool at " + dir + " is in use by another jobcode process, most likely a running server: "
        + "send the change through it with --url http://HOST:PORT (and its write token), or stop it first", cause);
  }
}
