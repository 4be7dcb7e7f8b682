package dev.jobcode.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Counts the requests inside the server, from arrival until their response is written and closed,
 * so that a shutdown can wait for them. It wraps Javalin's servlet (Javalin nests itself inside the
 * handler it finds), whose handling is synchronous.
 */
final class InFlightRequests extends HandlerWrapper {
  private int active;

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    synchronized (this) {
      active++;
    }
    try {
      super.handle(target, baseRequest, request, response);
    } finally {
      synchronized (this) {
        if (--active == 0) {
          notifyAll();
        }
      }
    }
  }

  /** Waits, at most {@code timeout}, until no request is inside; true when none is. */
  synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (active > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  synchronized int active() {
    return active;
  }
}
