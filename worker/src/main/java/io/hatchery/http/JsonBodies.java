package io.hatchery.http;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of this package (thread-safe once configured, costly to create). */
final class JsonBodies {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonBodies() {}
}
