/** Small helpers for the engine's sentences (English; the web app shows them as they are). */

const languageNames = new Map<string, string>();
const displayNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "pt" → "Portuguese"; anything that is not a language code is shown as written. */
export function languageName(language: string): string {
  let name = languageNames.get(language);
  if (name === undefined) {
    name = language;
    if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(language)) {
      try {
        const found = displayNames.of(language);
        if (found && found.toLowerCase() !== language.toLowerCase()) name = found;
      } catch {
        // not a tag Intl knows: keep the word
      }
    }
    languageNames.set(language, name);
  }
  return name;
}

/** ["a"] → "a"; ["a", "b"] → "a and b"; ["a", "b", "c"] → "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** plural(1, 'skill') → "1 skill"; plural(3, 'skill') → "3 skills". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** Hours for people: 6 → "6", 6.5 → "6.5", 6.25 → "6.3". */
export function hours(minutes: number): string {
  const value = Math.round(minutes / 6) / 10;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
