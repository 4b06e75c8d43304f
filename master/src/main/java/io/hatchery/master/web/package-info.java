/**
 * The master's web UI and Locust-compatible REST API on Undertow: routes, JSON/CSV/Prometheus views
 * of {@link io.hatchery.master.control.MasterSnapshot}, chart history and the HTML report. Talks to
 * the run only through {@link io.hatchery.master.control.MasterControl}.
 */
package io.hatchery.master.web;
