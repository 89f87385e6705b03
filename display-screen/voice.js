// The lobby voice: one queue of announcements, played one at a time, never overlapping, the chime
// first. What is said is decided by the server (the event's "announcement": text, speech, clips);
// this module only plays it, from the voice pack's clips (Web Audio, scheduled back to back) or,
// when the office allows it and the browser has a Vietnamese voice, the chime then speechSynthesis.
// Each announcement leaves performance marks layso:announce:start:<number> and :end:<number>.

const MAX_PENDING = 12;      // a burst beyond this drops the oldest waiting call, never the playing one
const MAX_MARK_NAMES = 60;   // marks kept for observers; older ones are cleared so weeks of calls stay bounded
const LONGEST_PHRASE = 6;    // a pack may hold one file for up to this many clip ids joined by '+'
const START_LEAD_S = 0.05;

export const Sound = Object.freeze({ LOADING: 'loading', ON: 'on', BLOCKED: 'blocked', OFF: 'off' });

export class Voice {
  /**
   * pack: base URL of the voice pack ('/voice/vi-espeak/'); clipsOnly: never use speechSynthesis;
   * muted: this screen stays silent (another screen in the room speaks); onSound(state);
   * onSpeaking(item or null): the announcement now being said.
   */
  constructor({ pack, clipsOnly = false, muted = false, onSound = () => {}, onSpeaking = () => {} }) {
    this.pack = pack;
    this.clipsOnly = clipsOnly;
    this.muted = muted;
    this.onSound = onSound;
    this.onSpeaking = onSpeaking;
    this.pending = [];
    this.playing = null;
    this.buffers = new Map();
    this.manifest = null;
    this.context = null;
    this.markNames = [];
    this.state = null;
  }

  async start() {
    if (this.muted) {
      this.setState(Sound.OFF);
      return;
    }
    this.setState(Sound.LOADING);
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      this.setState(Sound.BLOCKED);
      return;
    }
    this.context = new Context();
    this.context.onstatechange = () => this.checkState();
    try {
      const response = await fetch(`${this.pack}manifest.json`, { cache: 'no-cache' });
      this.manifest = await response.json();
    } catch (unreadable) {
      this.manifest = { clips: {} };
    }
    await Promise.all(Object.keys(this.manifest.clips || {}).map(id => this.buffer(id)));
    this.context.resume().catch(() => {});
    // a blocked context stays suspended until a gesture: give resume() a moment, then say so
    setTimeout(() => this.checkState(), 400);
  }

  /** After the "Bật âm thanh" press: a user gesture, so the browser lets the context run. */
  unlock() {
    if (!this.context) return;
    this.context.resume().then(() => this.checkState(), () => this.checkState());
    if (window.speechSynthesis) {
      // a silent utterance inside the gesture unlocks speech on browsers that gate it too
      const silent = new SpeechSynthesisUtterance('');
      silent.volume = 0;
      speechSynthesis.speak(silent);
    }
  }

  checkState() {
    if (this.muted || !this.context || !this.manifest) return;
    this.setState(this.context.state === 'running' ? Sound.ON : Sound.BLOCKED);
    if (this.state === Sound.ON) this.next();
  }

  setState(state) {
    if (this.state !== state) {
      this.state = state;
      if (state === Sound.BLOCKED || state === Sound.OFF) this.pending = [];
      this.onSound(state);
    }
  }

  /**
   * Queues one call's announcement. A call of the same number at the same counter still waiting
   * is replaced rather than repeated; while sound is off nothing queues (a stale call is worse).
   */
  say(item) {
    if (!item.announcement || this.state === Sound.OFF || this.state === Sound.BLOCKED) return;
    const same = this.pending.findIndex(p => p.number === item.number && p.counter === item.counter);
    if (same >= 0) {
      this.pending[same] = item;
    } else {
      this.pending.push(item);
      if (this.pending.length > MAX_PENDING) this.pending.shift();
    }
    this.next();
  }

  next() {
    if (this.playing || this.state !== Sound.ON || this.pending.length === 0) return;
    const item = this.pending.shift();
    this.playing = item;
    this.onSpeaking(item);
    this.mark('start', item, {});
    const finish = (detail) => {
      if (this.playing !== item) return;
      this.mark('end', item, detail);
      this.playing = null;
      this.onSpeaking(null);
      this.next();
    };
    const voice = this.clipsOnly ? null : vietnameseVoice();
    if (voice) {
      this.speak(item, voice, finish);
    } else {
      this.playClips(item.announcement.clips, finish);
    }
  }

  /** Plays clip ids back to back; calls done({played, planned}) when the last one has ended. */
  playClips(ids, done) {
    const parts = this.plan(ids);
    const planned = parts.reduce((n, p) => n + p.covers, 0);
    let at = this.context.currentTime + START_LEAD_S;
    let last = null;
    let played = 0;
    for (const part of parts) {
      const buffer = this.buffers.get(part.id);
      if (!buffer) continue;
      const source = this.context.createBufferSource();
      source.buffer = buffer;
      source.connect(this.context.destination);
      source.start(at);
      at += buffer.duration + this.gap(part.last);
      played += part.covers;
      last = source;
    }
    if (!last) {
      done({ played: 0, planned });
      return;
    }
    const total = at - this.context.currentTime;
    // onended is the end; the timer only rescues a context that stopped running mid-way
    const rescue = setTimeout(() => done({ played, planned, rescued: true }), (total + 3) * 1000);
    last.onended = () => {
      clearTimeout(rescue);
      done({ played, planned });
    };
  }

  /** The clip ids grouped into the pack's files: the longest 'a+b+c' phrase file first, else single clips. */
  plan(ids) {
    const clips = this.manifest.clips || {};
    const parts = [];
    for (let i = 0; i < ids.length;) {
      let taken = 1;
      for (let k = Math.min(LONGEST_PHRASE, ids.length - i); k > 1; k--) {
        if (clips[ids.slice(i, i + k).join('+')]) { taken = k; break; }
      }
      const id = taken > 1 ? ids.slice(i, i + taken).join('+') : ids[i];
      parts.push({ id, covers: clips[id] ? taken : 0, last: ids[i + taken - 1] });
      i += taken;
    }
    return parts;
  }

  gap(id) {
    const gaps = this.manifest.gaps || {};
    const ms = id in gaps ? gaps[id] : (this.manifest.gapMs ?? 60);
    return Math.max(0, Math.min(2000, Number(ms) || 0)) / 1000;
  }

  /** The chime from the pack, then the server's speech text in the browser's Vietnamese voice. */
  speak(item, voice, done) {
    const afterChime = () => {
      const utterance = new SpeechSynthesisUtterance(item.announcement.speech);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      const rescue = setTimeout(() => { speechSynthesis.cancel(); done({ spoken: true, rescued: true }); },
        item.announcement.speech.length * 150 + 5000);
      utterance.onend = utterance.onerror = () => { clearTimeout(rescue); done({ spoken: true }); };
      speechSynthesis.speak(utterance);
    };
    this.playClips(['chime'], afterChime);
  }

  async buffer(id) {
    if (this.buffers.has(id)) return this.buffers.get(id);
    const file = this.manifest.clips[id];
    if (typeof file !== 'string' || !/^[A-Za-z0-9._+-]+$/.test(file)) return null;
    try {
      const response = await fetch(this.pack + file);
      const data = await response.arrayBuffer();
      const decoded = await new Promise((resolve, reject) => this.context.decodeAudioData(data, resolve, reject));
      this.buffers.set(id, decoded);
      return decoded;
    } catch (unplayable) {
      return null;
    }
  }

  mark(phase, item, detail) {
    const name = `layso:announce:${phase}:${item.number}`;
    try {
      performance.mark(name, { detail: { counter: item.counter, at: item.at, ...detail } });
    } catch (old) {
      performance.mark(name);
    }
    if (phase === 'end') {
      this.markNames.push(item.number);
      if (this.markNames.length > MAX_MARK_NAMES) {
        const old = this.markNames.shift();
        if (!this.markNames.includes(old)) {
          performance.clearMarks(`layso:announce:start:${old}`);
          performance.clearMarks(`layso:announce:end:${old}`);
        }
      }
    }
  }
}

function vietnameseVoice() {
  if (!window.speechSynthesis) return null;
  return speechSynthesis.getVoices().find(v => /^vi(\b|[-_])/i.test(v.lang)) || null;
}
