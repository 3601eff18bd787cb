import type { Context } from 'koa';
import { adminRouter } from '../auth/require-role.ts';
import type { Deps } from '../deps.ts';
import { renderForm } from '../http/forms.ts';
import { today } from '../lib/clock.ts';
import { periodQuery, readReportPeriod, type PeriodReading } from './report-period.ts';
import { specialUrgencyCsv, withoutNoticeCsv, type SpecialUrgencyReport } from './special-urgency-report.ts';

const REPORT_PATH = '/admin/reports/special-urgency';

/** Reports to council: staff pages (editor and above), to be printed or downloaded for the council's papers. */
export function reportRoutes({ reports, clock }: Pick<Deps, 'reports' | 'clock'>) {
  const router = adminRouter('editor');

  function period(ctx: Context): PeriodReading {
    return readReportPeriod(ctx.query, today(clock));
  }

  router.get('/admin/reports', (ctx) => {
    ctx.render('admin/reports/index.njk', { pageTitle: 'Reports to council' });
  });

  router.get(REPORT_PATH, async (ctx) => {
    const reading = period(ctx);
    if (!reading.ok) {
      return renderForm(ctx, 'admin/reports/special-urgency.njk', { pageTitle: 'Special urgency decisions', values: reading.fields, errors: reading.errors });
    }
    const report = await reports.specialUrgency(reading.period);
    const query = periodQuery(reading.period);
    ctx.render('admin/reports/special-urgency.njk', { pageTitle: 'Special urgency decisions', values: reading.fields, report, csvUrl: `${REPORT_PATH}.csv${query}`, withoutNoticeCsvUrl: `${REPORT_PATH}/without-notice.csv${query}` });
  });

  function csvRoute(path: string, name: string, body: (report: SpecialUrgencyReport) => string) {
    router.get(path, async (ctx) => {
      const reading = period(ctx);
      if (!reading.ok) {
        ctx.status = 400;
        ctx.type = 'text/plain; charset=utf-8';
        ctx.body = `There is a problem with the report's dates: ${Object.values(reading.errors).join('; ')}\n`;
        return;
      }
      const report = await reports.specialUrgency(reading.period);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.set('Content-Disposition', `attachment; filename="${name}-${reading.period.from}-to-${reading.period.to}.csv"`);
      ctx.body = body(report);
    });
  }

  csvRoute(`${REPORT_PATH}.csv`, 'special-urgency-decisions', specialUrgencyCsv);
  csvRoute(`${REPORT_PATH}/without-notice.csv`, 'decisions-taken-without-notice', withoutNoticeCsv);

  return router;
}
