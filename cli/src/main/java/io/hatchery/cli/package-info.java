/**
 * The single entry point: command-line parsing (picocli) and the runnable jar. Nothing depends on
 * this package; it wires the master and the worker together.
 */
package io.hatchery.cli;
