/**
 * Golden-vector tests: msgpack frames written by real Locust 2.12.1 and hand-built frames of the
 * older dialects, each checked against its typed-JSON twin. No production code lives here.
 */
package io.hatchery.protocol.golden;
