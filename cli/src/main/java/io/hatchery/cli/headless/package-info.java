/**
 * The headless run on top of {@link io.hatchery.master.control.MasterControl}: waiting for workers,
 * starting the swarm, the console table every 2 s, CSV files, the run-time limit, keyboard
 * controls, final tables, JSON, thresholds and the exit code. Time is injected.
 */
package io.hatchery.cli.headless;
