import { badInput } from '../../../lib/errors';
import type { RuleSet } from '../rules/config';

export type { Ctx } from './context';

/** A pollutant argument: a factor code of the rules file, or its name (case-insensitive). */
export function pollutantCode(value: string | null | undefined, rules: RuleSet): string | undefined {
  if (value === null || value === undefined) return undefined;
  for (const [code, p] of Object.entries(rules.pollutants)) {
    if (code.toLowerCase() === value.toLowerCase() || p.name.toLowerCase() === value.toLowerCase()) return code;
  }
  const known = Object.entries(rules.pollutants).map(([c, p]) => `${c} (${p.name})`).join(', ');
  throw badInput('pollutant', `"${value}" is not a monitored pollutant; one of ${known}`);
}
