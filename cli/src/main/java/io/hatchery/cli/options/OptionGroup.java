package io.hatchery.cli.options;

/** The sections of {@code --help}, in Locust 2.12.1's order, plus Hatchery's own. */
public enum OptionGroup {
  COMMON("Common options"),
  WEB_UI("Web UI options"),
  MASTER("Master options"),
  WORKER("Worker options"),
  TAGS("Tag options"),
  STATS("Request statistics options"),
  THRESHOLDS("Thresholds (Hatchery)"),
  LOGGING("Logging options"),
  OTHER("Other options");

  private final String title;

  OptionGroup(String title) {
    this.title = title;
  }

  /** The heading printed in {@code --help}. */
  public String title() {
    return title;
  }
}
