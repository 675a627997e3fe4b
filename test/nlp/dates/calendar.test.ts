/** The integer calendar behind date resolution (no Date object, no time zone). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addMonths, civilFromDays, daysFromCivil, easterSunday, fmtDay, fmtWeek, isoWeek, isoWeekday, nthWeekday,
} from '../../../src/nlp/dates/calendar.js';

test('day numbers round-trip and match the Unix epoch', () => {
  assert.equal(daysFromCivil(1970, 1, 1), 0);
  assert.equal(daysFromCivil(2000, 3, 1), 11017);
  for (let n = -800000; n <= 800000; n += 997) {
    const { y, m, d } = civilFromDays(n);
    assert.equal(daysFromCivil(y, m, d), n);
  }
  // Agrees with Date.UTC (UTC only, never local time) across a range of days.
  for (let n = -30000; n <= 30000; n += 101) {
    const { y, m, d } = civilFromDays(n);
    assert.equal(Date.UTC(y, m - 1, d) / 86400000, n);
  }
});

test('weekdays and ISO weeks', () => {
  assert.equal(isoWeekday(daysFromCivil(2016, 9, 13)), 2); // Tuesday
  assert.equal(isoWeekday(daysFromCivil(1970, 1, 1)), 4); // Thursday
  assert.deepEqual(isoWeek(daysFromCivil(2016, 9, 13)), { year: 2016, week: 37 });
  assert.deepEqual(isoWeek(daysFromCivil(2016, 1, 1)), { year: 2015, week: 53 });
  assert.deepEqual(isoWeek(daysFromCivil(2018, 12, 31)), { year: 2019, week: 1 });
  assert.equal(fmtWeek(daysFromCivil(2016, 9, 6)), '2016-W36');
});

test('movable holidays', () => {
  assert.equal(fmtDay(easterSunday(2016)), '2016-03-27');
  assert.equal(fmtDay(easterSunday(2017)), '2017-04-16');
  assert.equal(fmtDay(easterSunday(2000)), '2000-04-23');
  assert.equal(fmtDay(nthWeekday(2016, 11, 4, 4)), '2016-11-24'); // Thanksgiving
  assert.equal(fmtDay(nthWeekday(2016, 5, 1, -1)), '2016-05-30'); // Memorial Day
});

test('month arithmetic crosses years', () => {
  assert.deepEqual(addMonths(2016, 1, -1), { y: 2015, m: 12 });
  assert.deepEqual(addMonths(2016, 9, 4), { y: 2017, m: 1 });
  assert.deepEqual(addMonths(2016, 9, -21), { y: 2014, m: 12 });
});
