package io.hatchery.master.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/** The one Jackson mapper of the web API (thread-safe once configured). */
final class WebJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private WebJson() {}

  /** Serializes plain maps, lists, strings, numbers, booleans and nulls. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serializes for embedding in an HTML {@code <script>} element: {@code <} becomes \u003c. */
  static String writeForScript(Object value) {
    return write(value).replace("<", "\\u003c");
  }
}
