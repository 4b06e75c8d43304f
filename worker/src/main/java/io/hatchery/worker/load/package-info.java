/**
 * Loading Java scenarios for {@code -f}: {@code .java} files compiled in memory, directories, jars
 * and class names on the classpath, and picking the user classes out of what was loaded. Nothing
 * here runs a user; the engine does.
 */
package io.hatchery.worker.load;
