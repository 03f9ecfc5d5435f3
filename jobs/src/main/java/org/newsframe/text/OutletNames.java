package org.newsframe.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical outlet names from a dictionary ({@code data/outlets.tsv}: {@code canonical<TAB>alias}).
 * A name is looked up case- and space-insensitively; a web host (given as the outlet, or taken from
 * the article's URL when the outlet is missing) is looked up on itself and then on each parent domain,
 * so {@code money.cnn.com} is CNN. Names the dictionary lacks are kept as given, tidied.
 */
public final class OutletNames implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The copy of {@code data/outlets.tsv} bundled in the job jar. */
  public static final String BUNDLED = "/newsframe/data/outlets.tsv";

  private static final Pattern HOST_LIKE =
      Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}(?::\\d+)?");
  private static final Pattern URL_HOST =
      Pattern.compile("^[a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> byName;
  private final Map<String, String> byHost;

  private OutletNames(Map<String, String> byName, Map<String, String> byHost) {
    this.byName = byName;
    this.byHost = byHost;
  }

  /** The dictionary bundled with newsframe. */
  public static OutletNames bundled() {
    InputStream in = OutletNames.class.getResourceAsStream(BUNDLED);
    if (in == null) {
      throw new IllegalStateException("outlet dictionary " + BUNDLED + " is missing from the jar");
    }
    return read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
  }

  /** A dictionary file, or the bundled one when {@code path} is null. */
  public static OutletNames load(Path path) {
    if (path == null) {
      return bundled();
    }
    try {
      return read(Files.newBufferedReader(path, StandardCharsets.UTF_8), path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read outlet dictionary " + path, e);
    }
  }

  /** Reads {@code canonical<TAB>alias} lines; {@code #} comments and the header line are skipped. */
  public static OutletNames read(Reader source, String name) {
    Map<String, String> byName = new HashMap<>();
    Map<String, String> byHost = new HashMap<>();
    try (BufferedReader in = new BufferedReader(source)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#") || line.equals("canonical\talias")) {
          continue;
        }
        String[] parts = line.split("\t", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
          throw new IllegalArgumentException(
              name + " line " + lineNo + ": expected 'canonical<TAB>alias', got '" + line + "'");
        }
        String canonical = parts[0].strip();
        byName.put(key(canonical), canonical);
        String alias = key(parts[1]);
        if (HOST_LIKE.matcher(alias).matches()) {
          byHost.put(stripWww(alias), canonical);
        } else {
          byName.put(alias, canonical);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read outlet dictionary " + name, e);
    }
    return new OutletNames(Map.copyOf(byName), Map.copyOf(byHost));
  }

  /**
   * The canonical outlet for an article: its outlet name when it has one, else its URL's host.
   *
   * @return null only when both are missing
   */
  public String canonical(String outlet, String url) {
    String tidy = tidy(outlet);
    if (tidy != null) {
      String known = lookup(tidy);
      return known != null ? known : tidy;
    }
    String host = host(url);
    if (host == null) {
      return null;
    }
    String known = lookupHost(host);
    return known != null ? known : host;
  }

  /** Whether the dictionary knows this outlet name or host (before canonicalisation). */
  public boolean isKnown(String outlet) {
    String tidy = tidy(outlet);
    return tidy != null && lookup(tidy) != null;
  }

  /** The host of a URL, lower-case, without {@code www.} or port; null when there is none. */
  public static String host(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_HOST.matcher(url.strip());
    if (!m.find()) {
      return null;
    }
    String host = m.group(1).toLowerCase(Locale.ROOT);
    return host.isEmpty() ? null : stripWww(host);
  }

  private String lookup(String name) {
    String k = key(name);
    String hit = byName.get(k);
    if (hit == null && HOST_LIKE.matcher(k).matches()) {
      hit = lookupHost(stripWww(k.replaceFirst(":\\d+$", "")));
    }
    return hit;
  }

  private String lookupHost(String host) {
    String h = host;
    while (true) {
      String hit = byHost.get(h);
      if (hit != null) {
        return hit;
      }
      int dot = h.indexOf('.');
      if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
        return null; // down to the registrable domain: stop before bare TLDs like "com"
      }
      h = h.substring(dot + 1);
    }
  }

  private static String tidy(String s) {
    if (s == null) {
      return null;
    }
    String t = Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    return t.isEmpty() ? null : t;
  }

  private static String key(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC)
        .strip()
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }

  private static String stripWww(String host) {
    return host.replaceFirst("^www\\d*\\.", "");
  }
}
