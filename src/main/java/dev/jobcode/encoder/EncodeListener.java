package dev.jobcode.encoder;

/**
 * Told of every model call a {@link CoalescingEncoder} makes, so that a caller can measure the
 * batching (the server turns it into meters) without the encoder knowing how it is measured.
 * Called on the encoding thread, before the callers get their vectors: it must be quick and must
 * not throw.
 */
@FunctionalInterface
public interface EncodeListener {
  /**
   * One model call that returned.
   *
   * @param calls encode calls coalesced into it
   * @param texts texts it encoded, over all those calls
   * @param nanos time the model took
   */
  record ModelCall(int calls, int texts, long nanos) {}

  void encoded(ModelCall call);
}
