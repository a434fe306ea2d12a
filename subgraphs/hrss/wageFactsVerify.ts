/**
 * Compares the wage read model with the reference computation (the month recomputed from the raw facts
 * at query time, as the finders did before issue 17). `npm run rebuild:wage-facts` runs it after a
 * rebuild; the tests compare more dates and districts (wageReadModel.test.ts).
 */
import type { HrssModels } from './models';
import { HrssData } from './data';
import { WageFactsCache } from './wageFactsCache';
import { WageReadModel } from './wageFactsRead';
import { payDeadline, type WageSettings } from './wageRule';

export interface VerifyReport {
  months: number;
  checks: number;
  /** Each (month, asOf) whose arrears differ, with the project codes of both answers. */
  mismatches: { month: string; asOf: string; reference: string[]; readModel: string[] }[];
  seconds: number;
}

const dayAfter = (date: string) => new Date(Date.parse(date + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);

/** Every month with attendance, on the day after its pay date and on `today`. */
export async function verifyWageReadModel(models: HrssModels, settings: WageSettings, today: string): Promise<VerifyReport> {
  const started = Date.now();
  const months = ((await models.AttendanceBlock.distinct('month')) as string[]).sort();
  const readModel = new WageReadModel(models);
  const cache = new WageFactsCache(models, 300, 60_000);
  const report: VerifyReport = { months: months.length, checks: 0, mismatches: [], seconds: 0 };
  for (const month of months) {
    for (const asOf of [...new Set([dayAfter(payDeadline(month, settings.payDay)), today])]) {
      const reference = await new HrssData(models, settings, cache).referenceArrears(month, asOf);
      const read = await readModel.arrears(month, asOf, settings);
      report.checks++;
      if (JSON.stringify(read) !== JSON.stringify(reference)) {
        report.mismatches.push({ month, asOf, reference: reference.map((a) => a.projectCode), readModel: read.map((a) => a.projectCode) });
      }
    }
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
