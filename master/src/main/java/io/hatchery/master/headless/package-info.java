/**
 * Headless runs ({@code --headless}): wait for the expected workers, start the swarm, let the run
 * time end it and compute Locust's exit status. Works against {@code MasterControl} and the
 * master's listener hooks only.
 */
package io.hatchery.master.headless;
