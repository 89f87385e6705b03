// One dictionary per language (static/i18n/vi.json, en.json); Vietnamese unless the page is asked
// for English by ?lang=en or the visitor chose it before. Elements name their text with
// data-i18n="section.key" (and data-i18n-aria-label / data-i18n-placeholder for attributes).

const STORE_KEY = 'layso.lang';
export const LANGS = ['vi', 'en'];
let lang = 'vi';
let words = {};

export function currentLang() {
  return lang;
}

export async function loadLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  let saved = null;
  try { saved = localStorage.getItem(STORE_KEY); } catch (ignored) { /* storage off */ }
  lang = LANGS.includes(asked) ? asked : LANGS.includes(saved) ? saved : 'vi';
  const response = await fetch(`/static/i18n/${lang}.json`);
  words = await response.json();
  document.documentElement.lang = lang;
  return lang;
}

export function setLang(next) {
  if (!LANGS.includes(next)) return;
  try { localStorage.setItem(STORE_KEY, next); } catch (ignored) { /* storage off */ }
  const url = new URL(location.href);
  url.searchParams.delete('lang');
  location.replace(url);
}

/** The text for a key, with {name} placeholders filled; the key itself when missing (visible in tests). */
export function t(key, params = {}) {
  let text = key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), words);
  if (typeof text !== 'string') return key;
  for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
  return text.normalize('NFC');
}

export function applyText(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)));
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder)));
  root.querySelectorAll('[data-i18n-title]').forEach(el => el.setAttribute('title', t(el.dataset.i18nTitle)));
}

/** Fills a .lang-switch container with one button per language. */
export function langSwitch(container) {
  // no replaceChildren: old Android WebViews (Zalo's in-app browser) lack it
  while (container.firstChild) container.removeChild(container.firstChild);
  LANGS.forEach(code => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = code.toUpperCase();
    b.setAttribute('aria-pressed', String(code === lang));
    b.addEventListener('click', () => setLang(code));
    container.appendChild(b);
  });
}
