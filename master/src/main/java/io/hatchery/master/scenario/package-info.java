/**
 * Reads Python locustfiles statically (a tokenizer and a small parser of our own; no Python is run)
 * so a master can serve Python workers the user classes, weights and fixed counts they define.
 */
package io.hatchery.master.scenario;
