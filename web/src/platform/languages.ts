/** Languages offered in the profile picker (BCP 47 tags), named in English by the browser. */
const COMMON = [
  'ar', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fil', 'fr', 'ga', 'he', 'hi', 'hr', 'hu', 'id', 'is', 'it',
  'ja', 'ko', 'lt', 'lv', 'ms', 'mt', 'nl', 'no', 'pa', 'pl', 'pt', 'pt-BR', 'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'sw', 'ta', 'te', 'th',
  'tr', 'uk', 'ur', 'vi', 'zh', 'zh-Hant',
];

const names = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return null;
  }
})();

export function languageName(tag: string): string {
  try {
    return names?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function languageOptions(current: readonly string[] = []) {
  const tags = [...new Set([...COMMON, ...current])];
  return tags.map((tag) => ({ value: tag, label: languageName(tag) })).sort((a, b) => a.label.localeCompare(b.label));
}
