// The office's holiday calendar for a year (GET/PUT .../holidays/{year}): days off and make-up
// working days with their hours. It has its own save: it is not part of the settings document.
import { t } from '../assets/i18n.js';
import { el, adminApi, officePath, isoDay, dayText, notice } from './common.js';

/** A card that loads and edits one year at a time. */
export function holidayCard() {
  const year = Number(isoDay().slice(0, 4));
  const state = { year, days: [] };
  const yearSelect = el('select#holiday-year', {}, [year - 1, year, year + 1].map(y => new Option(String(y), String(y), false, y === year)));
  const rows = el('tbody#holiday-rows', {});
  const message = el('p#holiday-message.notice', { role: 'status', hidden: true });
  const card = el('section.card.settings-section#sec-holidays', { 'aria-labelledby': 'sec-holidays-h' },
    el('h2#sec-holidays-h', { tabindex: '-1' }, t('admin.holidays.title')),
    el('p.muted-small', {}, t('admin.holidays.hint')),
    el('div.inline-add', {}, el('div.field', {}, el('label', { for: 'holiday-year' }, t('admin.holidays.year')), yearSelect)),
    el('div.table-scroll', {}, el('table.data.edit-table', {},
      el('caption.sr-only', {}, t('admin.holidays.title')),
      el('thead', {}, el('tr', {},
        el('th.w-date', { scope: 'col' }, t('admin.holidays.date')),
        el('th.w-name', { scope: 'col' }, t('admin.holidays.name')),
        el('th.w-role', { scope: 'col' }, t('admin.holidays.kind')),
        el('th.w-wide', { scope: 'col' }, t('admin.holidays.hours')),
        el('th', { scope: 'col' }, el('span.sr-only', {}, t('admin.accounts.actions'))))),
      rows)),
    message,
    el('div.row-actions', {},
      el('button.btn.secondary', { type: 'button', onclick: () => { state.days.push({ date: '', name: '', kind: 'closed', hours: [] }); draw(); } },
        t('admin.holidays.add')),
      el('button.btn#holiday-save', { type: 'button', onclick: save }, t('admin.holidays.save'))));

  function draw() {
    rows.replaceChildren(...state.days.map((day, i) => {
      const label = day.name || dayText(day.date) || String(i + 1);
      const date = el('input', { type: 'text', maxlength: 10, placeholder: 'dd/MM/yyyy', 'aria-label': `${label} › ${t('admin.holidays.date')}` });
      date.value = dayText(day.date);
      date.addEventListener('input', () => {
        const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(date.value);
        day.date = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : date.value;
      });
      const name = el('input', { type: 'text', maxlength: 80, 'aria-label': `${label} › ${t('admin.holidays.name')}` });
      name.value = day.name || '';
      name.addEventListener('input', () => { day.name = name.value; });
      const kind = el('select', { 'aria-label': `${label} › ${t('admin.holidays.kind')}` },
        ['closed', 'working'].map(k => new Option(t('admin.holidays.kinds.' + k), k, false, k === day.kind)));
      const hours = el('input', { type: 'text', maxlength: 120, 'aria-label': `${label} › ${t('admin.holidays.hours')}` });
      hours.value = (day.hours || []).join(', ');
      const working = () => { hours.disabled = day.kind !== 'working'; hours.placeholder = hours.disabled ? '' : '07:30-11:30'; };
      working();
      kind.addEventListener('change', () => { day.kind = kind.value; working(); });
      hours.addEventListener('input', () => { day.hours = hours.value.split(/[,;]/).map(s => s.trim()).filter(Boolean); });
      return el('tr', {}, el('td', {}, date), el('td', {}, name), el('td', {}, kind), el('td', {}, hours),
        el('td', {}, el('button.btn.ghost.small.danger-text', { type: 'button', 'aria-label': t('admin.holidays.removeOf', { name: label }),
          onclick: () => { state.days.splice(i, 1); draw(); } }, t('admin.settings.remove'))));
    }));
  }

  async function load() {
    notice(message, '');
    try {
      const answer = await adminApi(officePath(`/holidays/${state.year}`));
      state.days = (answer.days || []).map(d => ({ ...d, hours: d.hours || [] }));
      draw();
    } catch (error) {
      if (error.status !== 401) notice(message, error.message, 'error');
    }
  }

  async function save() {
    const days = state.days.map(d => ({ date: d.date, name: d.name, kind: d.kind, hours: d.kind === 'working' ? d.hours : [] }));
    try {
      const answer = await adminApi(officePath(`/holidays/${state.year}`), { method: 'PUT', body: { days } });
      state.days = (answer.days || []).map(d => ({ ...d, hours: d.hours || [] }));
      draw();
      notice(message, t('admin.holidays.saved', { year: state.year }), 'ok');
    } catch (error) {
      if (error.status !== 401) notice(message, error.message, 'error');
    }
  }

  yearSelect.addEventListener('change', () => { state.year = Number(yearSelect.value); load(); });
  load();
  return card;
}
