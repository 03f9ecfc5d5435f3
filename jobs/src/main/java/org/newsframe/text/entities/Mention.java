package org.newsframe.text.entities;

import java.io.Serializable;

/**
 * A name in a paragraph.
 *
 * @param entity the canonical name ({@code Islamic State} for the surface {@code ISIS}); the surface
 *     itself, tidied, for a name the alias dictionary does not know
 * @param type {@code PERSON}, {@code ORGANIZATION} or {@code LOCATION}
 * @param surface the text as written
 * @param sentence the sentence of the paragraph it is in, from 0
 * @param start character offset in the paragraph
 * @param end character offset just past it
 * @param source {@code model}, {@code dictionary} (the model missed or mistook it, or it names a
 *     known alias), or {@code model+dictionary}
 */
public record Mention(String entity, String type, String surface, int sentence, int start, int end, String source)
    implements Serializable {
  public static final String MODEL = "model";
  public static final String DICTIONARY = "dictionary";
  public static final String BOTH = "model+dictionary";
}
