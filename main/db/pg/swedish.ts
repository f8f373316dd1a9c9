/**
 * Swedish folding on the shared register (issue 18): `sv_lower` in PostgreSQL gives what the
 * domain's `foldSwedish` gives, as the local register's `sv_lower` (which is that function), so a
 * search finds the same homes on both engines. PostgreSQL cannot call JavaScript, so the function
 * is a table: every character of the Basic Multilingual Plane that `foldSwedish` changes, with what
 * it becomes (nothing, for a mark it strips), read off `foldSwedish` itself when the migration is
 * made. A test compares the two over generated text. Two differences remain, in scripts a Swedish
 * register does not hold: a Hangul syllable stays composed, and a Greek final sigma stays σ.
 */
import { foldSwedish } from '../../domain/swedish';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** `sv_lower(text)`: text with only ASCII and å, ä, ö (most names) takes the short way. */
export function svLowerSql(): string {
  let from = '';
  let to = '';
  let dropped = '';
  for (let code = 0x41; code <= 0xffff; code += 1) {
    if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0xac00 && code <= 0xd7a3)) continue;
    const character = String.fromCodePoint(code);
    // Text is made NFC first, as foldSwedish does: a character NFC changes never reaches the table.
    if (character.normalize('NFC') !== character) continue;
    const folded = foldSwedish(character);
    if (folded === character) continue;
    if (folded === '') dropped += character;
    else {
      from += character;
      to += folded;
    }
  }
  return `
    CREATE FUNCTION sv_lower(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fold$
      SELECT CASE
        WHEN value ~ '^[[:ascii:]åäöÅÄÖ]*$' THEN translate(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ', 'abcdefghijklmnopqrstuvwxyzåäö')
        ELSE translate(normalize(value, NFC), ${quote(from + dropped)}, ${quote(to)})
      END
    $fold$;`;
}
