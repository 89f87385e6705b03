import { loadLang, applyText, langSwitch, t } from './assets/i18n.js';
import { api } from './assets/api.js';

await loadLang();
applyText();
langSwitch(document.querySelector('.lang-switch'));
const list = document.getElementById('offices');
for (const office of await api('/api/v1/offices')) {
  const item = document.createElement('li');
  item.className = 'card';
  const title = document.createElement('h2');
  title.textContent = office.name;
  const nav = document.createElement('nav');
  for (const [page, key] of [['display', 'index.display'], ['kiosk', 'index.kiosk'], ['counter', 'index.counter'],
    ['book', 'index.book']]) {
    const link = document.createElement('a');
    link.className = 'btn secondary';
    link.href = `/${page}?office=${encodeURIComponent(office.id)}`;
    link.textContent = t(key);
    nav.append(link);
  }
  item.append(title, nav);
  list.append(item);
}
