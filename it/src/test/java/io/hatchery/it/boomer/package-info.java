/**
 * A scripted worker that speaks like Boomer (the Go worker) on the wire: its msgpack encoding
 * quirks, message shapes and stats rules, with real HTTP requests behind its reports.
 */
package io.hatchery.it.boomer;
