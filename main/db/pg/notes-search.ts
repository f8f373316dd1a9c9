/**
 * Migration 9 of the shared register: the notes' Swedish full-text search, and the authors the
 * search offers. The local register keeps its search in FTS5 (`notes_search`, migration 12, stems
 * made by the domain's Snowball stemmer in JavaScript); PostgreSQL cannot call JavaScript, so here a
 * note's words are a `tsvector` of the `swedish` text-search configuration (a Snowball Swedish
 * stemmer of its own: "skolor" finds "skola") in a column of the note, `search_terms`, kept by
 * triggers whoever writes. Its name begins with `search_` so the access log leaves it out of a
 * logged row, as it leaves out the homes' folded columns (migration 6's `log_row`), and a
 * re-indexing is no change of the note. The schema test and the move from a local register skip
 * it: it is derived here, and the local register has no such column.
 *
 * As on the local register: the text is folded first (`sv_lower`, which is `foldSwedish`), so
 * "emile" finds "Émile" and å, ä and ö stay letters of their own; the name of a protected child the
 * note's placement is about is never found, not even in its genitive ("Idas"); a child who gets or
 * loses a protected identity, or another name, has their notes indexed anew.
 */

/** The note's own text, the protected child's name (or null): the search's words. */
const TERMS_FUNCTION = `
    -- The name's words as the swedish configuration stems them, each also with a genitive "s" (the
    -- stemmer keeps the "s" of "Idas" and "Leos"), taken out of the note's words. The name is split
    -- by the same parser that splits the note (every token but the blanks between: a hyphenated name
    -- whole and its parts), so a name is never read as a pattern and none of its characters are special.
    CREATE FUNCTION note_search_terms(note text, hidden_name text) RETURNS tsvector
      LANGUAGE sql STABLE PARALLEL SAFE SET search_path = public, pg_temp AS $terms$
      SELECT CASE WHEN hidden_name IS NULL THEN to_tsvector('swedish', sv_lower(note))
        ELSE ts_delete(to_tsvector('swedish', sv_lower(note)), ARRAY(
          SELECT lexeme FROM ts_parse('default', sv_lower(hidden_name)) AS t,
            unnest(tsvector_to_array(to_tsvector('swedish', t.token || ' ' || t.token || 's'))) AS lexeme
          WHERE t.tokid <> 12))
      END
    $terms$;

    -- The name of the protected child a note's placement is about; null when there is none.
    CREATE FUNCTION note_hidden_name(of_placement text) RETURNS text
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $hidden$
      SELECT c.name FROM placements p JOIN children c ON c.id = p.child_id
        WHERE p.id = of_placement AND c.protected_identity = 1
    $hidden$;
`;

export function notesSearchSql(): string {
  return `
    ${TERMS_FUNCTION}
    ALTER TABLE notes ADD COLUMN search_terms tsvector NOT NULL DEFAULT ''::tsvector;
    UPDATE notes n SET search_terms = note_search_terms(n.text, note_hidden_name(n.placement_id));
    CREATE INDEX notes_search_terms ON notes USING gin (search_terms);
    -- A search's hits come newest first (the day, then the order of signing), as the local index's keys do.
    CREATE INDEX notes_newest ON notes (written_on, seq);

    -- A signed note is only ever inserted (only its placement and home may change), as on the
    -- local register, where the index is written on insert alone too.
    CREATE FUNCTION notes_indexed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $indexed$
    BEGIN
      NEW.search_terms := note_search_terms(NEW.text, note_hidden_name(NEW.placement_id));
      RETURN NEW;
    END
    $indexed$;
    CREATE TRIGGER notes_indexed BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION notes_indexed();

    -- A child who gets (or loses) a protected identity, or another name: the notes about them anew.
    -- SECURITY DEFINER: whoever may change a child has no right to update a signed note.
    CREATE FUNCTION children_notes_indexed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $indexed$
    BEGIN
      UPDATE notes n SET search_terms = note_search_terms(n.text, CASE WHEN NEW.protected_identity = 1 THEN NEW.name END)
        FROM placements p WHERE p.id = n.placement_id AND p.child_id = NEW.id;
      RETURN NULL;
    END
    $indexed$;
    CREATE TRIGGER children_notes_indexed AFTER UPDATE OF name, protected_identity ON children FOR EACH ROW
      WHEN (NEW.name IS DISTINCT FROM OLD.name OR NEW.protected_identity IS DISTINCT FROM OLD.protected_identity)
      EXECUTE FUNCTION children_notes_indexed();

    -- The search's choice of authors, without reading every note for a few hundred names (the
    -- local register's notes_author_known). A move from a local register copies its authors itself.
    CREATE FUNCTION notes_author_known() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $known$
    BEGIN
      IF coalesce(current_setting('placeringskollen.copying', true), '') = 'on' THEN RETURN NULL; END IF;
      INSERT INTO note_authors (author) VALUES (NEW.author) ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
    $known$;
    CREATE TRIGGER notes_author_known AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION notes_author_known();
    INSERT INTO note_authors (author) SELECT DISTINCT author FROM notes ON CONFLICT DO NOTHING;

    REVOKE ALL ON FUNCTION note_hidden_name(text), notes_indexed(), children_notes_indexed(), notes_author_known() FROM PUBLIC;
  `;
}
