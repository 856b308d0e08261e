import { periodOfSchedule } from '../../scripts/lib/local-stack';

test('the local stack runs every-minute and every-N-minutes schedules at their period', () => {
  expect(periodOfSchedule('0 * * * * *')).toBe(60_000);
  expect(periodOfSchedule('0 */5 * * * *')).toBe(300_000);
});

test('a schedule it cannot reproduce is refused, not run at a wrong period', () => {
  expect(() => periodOfSchedule('0 30 9 * * 1-5')).toThrow(/cannot run the schedule/);
});
