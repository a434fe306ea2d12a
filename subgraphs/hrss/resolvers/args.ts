/** Argument checks shared by the hrss resolvers: malformed input is BAD_USER_INPUT naming the argument. */
import { badInput } from '../../../lib/errors';
import { dateProblem, monthProblem, todayInChina } from '../wageRule';

export function monthArg(month: string): string {
  const problem = monthProblem(month);
  if (problem) throw badInput('month', problem);
  return month;
}

export function optionalMonthArg(month: string | null | undefined): string | undefined {
  return month === null || month === undefined ? undefined : monthArg(month);
}

export function asOfArg(asOf: string | null | undefined): string {
  if (asOf === null || asOf === undefined) return todayInChina();
  const problem = dateProblem(asOf);
  if (problem) throw badInput('asOf', problem);
  return asOf;
}

export function districtArg(district: string | null | undefined): string | undefined {
  if (district === null || district === undefined) return undefined;
  if (!/^\d{6}$/.test(district)) throw badInput('district', `"${district}" is not a 6-digit GB/T 2260 code`);
  return district;
}

export const WORKER_ID_PATTERN = /^W[0-9A-F]{20}$/;
