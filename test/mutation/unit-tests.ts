/*
 * The unit tests that `npm run mutate` runs against each mutant, imported into one file so that
 * ava starts one process, not eight. None needs a database.
 */
import '../rules/bank-holidays.test.ts';
import '../rules/clear-days.test.ts';
import '../rules/new-key-references.test.ts';
import '../rules/notice-periods.test.ts';
import '../rules/taken-on.test.ts';
import '../rules/working-days.test.ts';
import '../decisions/key-reference.test.ts';
import '../auth/rules.test.ts';
import '../http/input-rules.test.ts';
import '../plans/csv-guard.test.ts';
