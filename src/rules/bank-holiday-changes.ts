/*
 * One-off changes to the England and Wales bank holidays, made by royal proclamation for
 * national events. They cannot be computed, so they are listed here; a new one (announced
 * months ahead) is a new row. `moved` rows name the date the usual rule gives, so a test can
 * prove every row still matches the rules in bank-holidays.ts.
 */

export type BankHolidayChange =
  | { kind: 'moved'; name: string; from: string; to: string; why: string }
  | { kind: 'added'; name: string; date: string; why: string };

export const BANK_HOLIDAY_CHANGES: readonly BankHolidayChange[] = [
  { kind: 'moved', name: 'Early May bank holiday', from: '1995-05-01', to: '1995-05-08', why: '50th anniversary of VE Day' },
  { kind: 'added', name: 'Millennium Eve', date: '1999-12-31', why: 'the millennium' },
  { kind: 'moved', name: 'Spring bank holiday', from: '2002-05-27', to: '2002-06-04', why: 'Golden Jubilee' },
  { kind: 'added', name: 'Golden Jubilee bank holiday', date: '2002-06-03', why: 'Golden Jubilee' },
  { kind: 'added', name: 'Royal wedding', date: '2011-04-29', why: 'wedding of Prince William and Catherine Middleton' },
  { kind: 'moved', name: 'Spring bank holiday', from: '2012-05-28', to: '2012-06-04', why: 'Diamond Jubilee' },
  { kind: 'added', name: 'Diamond Jubilee bank holiday', date: '2012-06-05', why: 'Diamond Jubilee' },
  { kind: 'moved', name: 'Early May bank holiday', from: '2020-05-04', to: '2020-05-08', why: '75th anniversary of VE Day' },
  { kind: 'moved', name: 'Spring bank holiday', from: '2022-05-30', to: '2022-06-02', why: 'Platinum Jubilee' },
  { kind: 'added', name: 'Platinum Jubilee bank holiday', date: '2022-06-03', why: 'Platinum Jubilee' },
  { kind: 'added', name: 'State funeral of Queen Elizabeth II', date: '2022-09-19', why: 'state funeral' },
  { kind: 'added', name: 'Bank holiday for the coronation of King Charles III', date: '2023-05-08', why: 'coronation' },
];
