/**
 * The master's control surface for the web UI, REST API and headless runner: commands in, immutable
 * snapshots out.
 */
package io.hatchery.master.control;
