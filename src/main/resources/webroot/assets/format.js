// Dates dd/MM/yyyy and 24-hour times, always in the office's time zone, whatever the device's.

function parts(date, timeZone, options) {
  const out = {};
  new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', ...options })
    .formatToParts(date).forEach(p => { out[p.type] = p.value; });
  return out;
}

export function formatDate(date, timeZone = 'Asia/Ho_Chi_Minh') {
  const p = parts(date, timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' });
  return `${p.day}/${p.month}/${p.year}`;
}

export function formatTime(date, timeZone = 'Asia/Ho_Chi_Minh', seconds = false) {
  const p = parts(date, timeZone, { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) });
  return seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/** The weekday in the page's language (Thứ Hai, Monday, ...). */
export function formatWeekday(date, timeZone, lang) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone, weekday: 'long' }).format(date);
}
