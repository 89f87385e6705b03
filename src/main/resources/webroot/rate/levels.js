// The rating choices shared by the counter's tablet (/rate) and the citizen's ticket page (/t/<id>):
// one big button per level, best first, each with a drawn face and its label (the server's labels,
// in the page's language), and the reasons offered for the lowest level. Colours give white text
// at least 4.5:1 (WCAG AA); the face is decoration, the label is the button's name.
import { currentLang } from '../assets/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The label of a level or reason in the page's language. */
export function label(item) {
  return currentLang() === 'en' && item.labelEn ? item.labelEn : item.label;
}

/** How much a face smiles: 1 (best) .. -1 (worst); "Hài lòng" smiles, "Bình thường" is flat. */
function mood(level, count) {
  if (count === 3) return [-1, 0.5, 1][level - 1];
  return (level - 3) / 2;
}

function face(m) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 100 100');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('face');
  const add = (name, attrs) => {
    const el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(k => el.setAttribute(k, attrs[k]));
    svg.appendChild(el);
  };
  add('circle', { cx: 50, cy: 50, r: 44, fill: 'none', stroke: 'currentColor', 'stroke-width': 7 });
  add('circle', { cx: 35, cy: 40, r: 6, fill: 'currentColor' });
  add('circle', { cx: 65, cy: 40, r: 6, fill: 'currentColor' });
  const bend = Math.round(m * 16);
  add('path', { d: `M30 ${68 - bend / 2} Q50 ${68 + bend * 1.2} 70 ${68 - bend / 2}`, fill: 'none',
    stroke: 'currentColor', 'stroke-width': 7, 'stroke-linecap': 'round' });
  return svg;
}

/** Fills {container} with one button per level (best first); onPick(level) on a tap. */
export function levelButtons(container, levels, onPick) {
  while (container.firstChild) container.removeChild(container.firstChild);
  container.dataset.count = String(levels.length);
  levels.forEach(level => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'level-btn tone-' + levels.length + '-' + level.level;
    b.dataset.level = String(level.level);
    b.appendChild(face(mood(level.level, levels.length)));
    const text = document.createElement('span');
    text.className = 'level-label';
    text.textContent = label(level);
    b.appendChild(text);
    b.addEventListener('click', () => onPick(level.level));
    container.appendChild(b);
  });
}

/** Fills {container} with one toggle button per reason; onPick(code) on a tap. */
export function reasonButtons(container, reasons, onPick) {
  while (container.firstChild) container.removeChild(container.firstChild);
  reasons.forEach(reason => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'reason-btn';
    b.dataset.code = reason.code;
    b.setAttribute('aria-pressed', 'false');
    b.textContent = label(reason);
    b.addEventListener('click', () => {
      container.querySelectorAll('.reason-btn').forEach(x => x.setAttribute('aria-pressed', String(x === b)));
      onPick(reason.code);
    });
    container.appendChild(b);
  });
}
