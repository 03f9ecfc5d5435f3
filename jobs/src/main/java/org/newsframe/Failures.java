package org.newsframe;

/** What an exception says, for a one-line message: its root cause and a message's first line. */
public final class Failures {
  private Failures() {}

  /** The innermost cause of {@code e} ({@code e} itself when it has none). */
  public static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** The first line of {@code message}; empty for none. */
  public static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
