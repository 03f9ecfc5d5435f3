package org.newsframe;

/** A bad option value found after parsing (exit code 2); the message names the option and value. */
public class UsageException extends NewsframeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
