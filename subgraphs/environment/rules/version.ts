/**
 * The version of a rule set: a hash of its content, so any edit of the rules file (a limit, a
 * tolerance, the night hours) is a new version without anyone having to bump a number. The exceedance
 * read model records the version it was evaluated with; queries use it only while it matches theirs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readEnv } from '../../../lib/config';
import { validateRuleSet, type RuleSet } from './config';

const versions = new WeakMap<RuleSet, string>();

export function rulesVersion(rules: RuleSet): string {
  let v = versions.get(rules);
  if (!v) {
    v = createHash('sha256').update(JSON.stringify(rules)).digest('hex').slice(0, 16);
    versions.set(rules, v);
  }
  return v;
}

let current: { file: string; mtimeMs: number; size: number; rules: RuleSet } | undefined;

/**
 * The rules file as it is on disk now (re-read when its modification time or size changes), for
 * long-running writers of the read model such as the HJ 212 listener: after a rule change and the
 * rebuild command they evaluate with the new rules without a restart. (The subgraph keeps the rules
 * it started with: loadRuleSet.)
 */
export function currentRuleSet(): RuleSet {
  const file = path.resolve(readEnv('EXCEEDANCE_RULES_FILE') ?? path.join(__dirname, '..', 'rules.json'));
  const stat = fs.statSync(file);
  if (!current || current.file !== file || current.mtimeMs !== stat.mtimeMs || current.size !== stat.size) {
    current = { file, mtimeMs: stat.mtimeMs, size: stat.size, rules: validateRuleSet(JSON.parse(fs.readFileSync(file, 'utf8')) as RuleSet, file) };
  }
  return current.rules;
}
