package io.hatchery.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback the way Locust's {@code setup_logging} (locust/log.py, 2.12.1) configures
 * Python logging: {@code [2026-11-22 01:02:03,456] host/INFO/logger: message} on stderr (or in
 * {@code --logfile}) at {@code --loglevel}, Python's level names ({@code WARNING}, {@code
 * CRITICAL}), and the {@link #STATS_LOGGER} printing plain lines to stderr at INFO whatever the
 * level. Not called with {@code --skip-log-setup} (then logback.xml or the scenario decides).
 */
public final class LogSetup {
  /** The logger the console statistics tables are written to (Locust's stats_logger). */
  public static final String STATS_LOGGER = "hatchery.stats_logger";

  // The date option is quoted: unquoted, logback reads the text after its comma as a time zone.
  private static final String PATTERN =
      "[%d{\"yyyy-MM-dd HH:mm:ss,SSS\"}] HOST/%replace(%level){'^WARN$','WARNING'}/%logger: %msg%n";

  private LogSetup() {}

  /**
   * Replaces the logging configuration.
   *
   * @param pythonLevel DEBUG, INFO, WARNING, ERROR or CRITICAL, any case (validated before)
   * @param logfile where the log goes instead of stderr, if set
   */
  public static void apply(String pythonLevel, Optional<Path> logfile) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(pythonLevel));
    root.addAppender(appender(context, PATTERN.replace("HOST", hostname()), logfile));
    Logger stats = context.getLogger(STATS_LOGGER);
    stats.setAdditive(false);
    stats.setLevel(Level.INFO);
    stats.addAppender(appender(context, "%msg%n", Optional.empty()));
  }

  /** Python's {@code socket.gethostname()}, as Locust puts it in every line. */
  static String hostname() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName().replace("%", "\\%");
    } catch (java.net.UnknownHostException e) {
      return context().getProperty("HOSTNAME");
    }
  }

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }

  /** Maps Python's level names to Logback's. */
  static Level level(String pythonLevel) {
    return switch (pythonLevel.toUpperCase(Locale.ROOT)) {
      case "DEBUG" -> Level.DEBUG;
      case "WARNING" -> Level.WARN;
      case "ERROR", "CRITICAL" -> Level.ERROR;
      default -> Level.INFO;
    };
  }

  private static OutputStreamAppender<ILoggingEvent> appender(
      LoggerContext context, String pattern, Optional<Path> file) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender;
    if (file.isPresent()) {
      FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
      fileAppender.setFile(file.get().toString());
      appender = fileAppender;
    } else {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setTarget("System.err");
      appender = console;
    }
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }
}
