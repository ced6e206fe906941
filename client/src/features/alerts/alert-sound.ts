/**
 * The critical-alert sound: a short two-tone beep made with WebAudio (no audio file to fetch).
 * Browsers only let a page play sound after the user has interacted with it, so the audio
 * context is created (or resumed) on the first click or key press.
 */

const STORAGE_KEY = 'cc.alerts.sound';
let context: AudioContext | undefined;
let unlocked = false;

function audio(): AudioContext | undefined {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return undefined;
  context ??= new window.AudioContext();
  return context;
}

/** Registers the one-time unlock; call once when the console starts. */
export function prepareAlertSound(): void {
  if (unlocked || typeof document === 'undefined') return;
  const unlock = () => {
    unlocked = true;
    void audio()
      ?.resume()
      .catch(() => undefined);
    document.removeEventListener('pointerdown', unlock);
    document.removeEventListener('keydown', unlock);
  };
  document.addEventListener('pointerdown', unlock);
  document.addEventListener('keydown', unlock);
}

export function soundEnabled(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setSoundEnabled(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // not remembered; applies until the page is reloaded
  }
}

/** Plays the beep (high, low, high, low) unless the user turned the sound off. */
export function playCriticalBeep(): void {
  if (!soundEnabled()) return;
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.02;
  [880, 660, 880, 660].forEach((frequency, i) => {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = frequency;
    const at = start + i * 0.22;
    // A quick fade in and out: no clicks, and not louder than a phone's ring.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.12, at + 0.02);
    gain.gain.linearRampToValueAtTime(0, at + 0.18);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.2);
  });
}
