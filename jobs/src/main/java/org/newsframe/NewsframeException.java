package org.newsframe;

/**
 * A failure the user can act on: bad input, an output that cannot be replaced. The command line
 * prints its message without a stack trace (exit code 1) unless {@code --verbose} is given.
 */
public class NewsframeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NewsframeException(String message) {
    super(message);
  }

  public NewsframeException(String message, Throwable cause) {
    super(message, cause);
  }
}
