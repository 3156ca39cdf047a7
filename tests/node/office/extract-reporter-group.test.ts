/**
 * Issue 9 §1: the reporter's role leaves the lead's computer only as a group. Teaching titles are
 * teaching; those who support teaching, run the office and the site, cook, clean, supervise lunch,
 * nurse or mentor are support, even when their title holds a teaching word ("teaching assistant",
 * "head cook"); anything else is other.
 */
import { describe, expect, it } from 'vitest';
import { reporterGroupOf } from '../../../src/office/extract';

const TEACHING = [
  'Teacher',
  'Class teacher, Year 6',
  'Supply teacher',
  'Headteacher',
  'Head',
  'Head teacher',
  'Headmistress',
  'Deputy Head',
  'Deputy headteacher',
  'Assistant head (KS2)',
  'Head of Year 9',
  'SENCO',
  'SENDCo',
  'Form tutor',
  'Lecturer',
  'Principal',
  'Vice-principal',
  'ECT',
  'NQT',
  'PE instructor',
];
const SUPPORT = [
  'Teaching assistant',
  'Teaching Assistant (Year 3)',
  'TA',
  'Year 2 TA',
  'HLTA',
  'LSA',
  'Learning support assistant',
  'Classroom assistant',
  'Cover supervisor',
  'Admin',
  'School administrator',
  'Office manager',
  'Site manager',
  'Caretaker',
  'Cleaner',
  'Midday supervisor',
  'Lunchtime supervisor',
  'Science technician',
  'IT technician',
  'Librarian',
  'Bursar',
  'School business manager',
  'Receptionist',
  'Catering assistant',
  'Head cook',
  'Kitchen staff',
  'School nurse',
  'Learning mentor',
  'Pastoral lead',
  'Welfare officer',
  'Exams officer',
  'Attendance officer',
];
const OTHER = [
  'Governor',
  'Parent volunteer',
  'Volunteer',
  'Sports coach',
  'Visiting musician',
  'DSL',
  'Deputy DSL',
  'Student',
  '',
  '—',
];

describe('reporter groups', () => {
  it.each(TEACHING)('puts "%s" in teaching', (role) => {
    expect(reporterGroupOf(role)).toBe('teaching');
  });
  it.each(SUPPORT)('puts "%s" in support', (role) => {
    expect(reporterGroupOf(role)).toBe('support');
  });
  it.each(OTHER)('puts "%s" in other', (role) => {
    expect(reporterGroupOf(role)).toBe('other');
  });
  it('ignores case, accents and punctuation', () => {
    expect(reporterGroupOf('  CLASS-TEACHER!  ')).toBe('teaching');
    expect(reporterGroupOf('Réceptionist')).toBe('support');
  });
});
