// Times as a person reads them: "3 minutes ago (14:02)" and a "4:59" countdown.

const relativeTime = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const clockTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "just now (14:02:10)", "3 minutes ago (14:02:10)"; older than a day also shows the date. */
export function describeArrival(at: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
  const local = seconds < 86_400 ? clockTime.format(at) : dateAndTime.format(at);
  if (seconds < 45) return `just now (${local})`;
  if (seconds < 3600) return `${relativeTime.format(-Math.round(seconds / 60), 'minute')} (${local})`;
  if (seconds < 86_400) return `${relativeTime.format(-Math.round(seconds / 3600), 'hour')} (${local})`;
  return `${relativeTime.format(-Math.round(seconds / 86_400), 'day')} (${local})`;
}

/** "9:05" or "1:02:03" until `until`; "0:00" once it passed. */
export function formatCountdown(until: Date, now: Date): string {
  const total = Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Calls `tick` now and every second until it returns false. */
export function everySecond(tick: () => boolean): void {
  if (!tick()) return;
  const timer = window.setInterval(() => {
    if (!tick()) window.clearInterval(timer);
  }, 1000);
}
