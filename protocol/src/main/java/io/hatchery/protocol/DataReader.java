package io.hatchery.protocol;

import io.hatchery.protocol.msgpack.MsgpackReader;

/**
 * Reads the data of one message type straight from its frame into a typed value, instead of the
 * generic maps and lists of {@link MsgpackReader}'s value mapping. The master reads {@code stats}
 * this way: at 10,000 workers, building maps of boxed numbers only to convert them was most of its
 * cost per report.
 *
 * <p>A reader handles the shapes it knows and hands everything else back: it returns null, or
 * throws {@link ProtocolException}, and {@link MessageCodec#decode(byte[], DecodeLimits,
 * java.util.Map)} then decodes the whole frame generically, so what the frame means and which error
 * a malformed frame gets never depend on whether a reader is registered.
 *
 * <p>Implementations must be stateless or thread-safe: a transport's I/O thread calls them.
 */
@FunctionalInterface
public interface DataReader {

  /**
   * Reads the envelope's data value, which starts at the reader's position, at nesting level 1 (in
   * the envelope array), leaving the reader just after it.
   *
   * @param frame the whole frame, which the reader must not modify (for values that keep it)
   * @return the typed data, or null to have the frame decoded generically
   */
  Object read(MsgpackReader reader, byte[] frame) throws ProtocolException;
}
