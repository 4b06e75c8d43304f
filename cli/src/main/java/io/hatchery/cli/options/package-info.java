/**
 * Locust's command line: the option table, config files, {@code LOCUST_*} environment variables,
 * the 0.x spellings, validation and {@code --help}. Pure: reads no real environment or home
 * directory (both are injected) and starts nothing.
 */
package io.hatchery.cli.options;
