#!/usr/bin/env node
/**
 * The thresholds of `npm run mutation`, read from Stryker's JSON report (mutation-testing-report-
 * schema) with the scores computed by mutation-testing-metrics, the library Stryker's own reports
 * use. Prints the score of every file, then fails (exit 1) when a group is under its threshold:
 * Stryker's `thresholds.break` applies to the whole run only.
 *
 *   node scripts/mutation-thresholds.mjs [reports/mutation/mutation.json]
 */
import { readFileSync } from 'node:fs';
import { calculateMetrics } from 'mutation-testing-metrics';

/** The security core (issue 13): the crypto, the rules, what a typed code becomes, the key URI, the explanations. */
export const GROUPS = [
  {
    name: 'security core',
    min: 90,
    files: [
      'src/simulator/otp/totp.ts',
      'src/simulator/otp/backup-code.ts',
      'src/simulator/client-area/server.ts',
      'src/simulator/otp/normalise.ts',
      'src/simulator/otp/otpauth.ts',
      'src/simulator/client-area/explain.ts',
    ],
  },
  { name: 'engine as a whole', min: 85, files: null },
];

const reportPath = process.argv[2] ?? 'reports/mutation/mutation.json';
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch (error) {
  console.error(`mutation: cannot read ${reportPath} (${error.message}). Run \`npm run mutation\` first.`);
  process.exit(2);
}

const files = report.files ?? {};
const score = (subset) => calculateMetrics(subset).metrics;
const pick = (names) => Object.fromEntries(Object.entries(files).filter(([name]) => names.includes(name)));
const pct = (n) => (Number.isNaN(n) ? '  n/a' : n.toFixed(1).padStart(5));

console.log('\nMutation score per file (killed + timed out) / valid mutants:');
for (const name of Object.keys(files).sort()) {
  const m = score({ [name]: files[name] });
  console.log(
    `  ${pct(m.mutationScore)}%  ${String(m.totalValid).padStart(4)} mutants, ${m.survived} survived, ${m.noCoverage} no coverage  ${name}`,
  );
}

let failed = false;
console.log('');
for (const group of GROUPS) {
  const subset = group.files ? pick(group.files) : files;
  const missing = (group.files ?? []).filter((name) => !(name in files));
  const m = score(subset);
  const ok = missing.length === 0 && m.mutationScore >= group.min;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${group.name}: ${pct(m.mutationScore)}% (threshold ${group.min}%)`);
  if (missing.length > 0) console.log(`     not in the report: ${missing.join(', ')}`);
}
process.exit(failed ? 1 : 0);
