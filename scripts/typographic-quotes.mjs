#!/usr/bin/env node
// @ts-check
/**
 * Rewrites the reader-facing strings of TypeScript files with typographic quotes:
 *
 *   node scripts/typographic-quotes.mjs src/training/drills.ts [more files...]
 *
 * In every string literal (not in comments or code), an apostrophe becomes ’ and each pair of
 * double quotes becomes “ ”. The client area's verbatim labels ("I'm not a robot", from
 * src/simulator/client-area/messages.ts) are left as the product shows them. Run Prettier
 * afterwards (it may pick other quote marks for the literals). tests/unit/typography.test.ts
 * lists what is left.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const VERBATIM = ["I'm not a robot", "Can't Access Your 2nd Factor Device?"];

/** @param {string} text */
export function typographic(text) {
  /** @type {string[]} */
  const kept = [];
  let masked = text;
  for (const label of VERBATIM) masked = masked.split(label).join(`\u0000${kept.push(label) - 1}\u0000`);
  let open = true;
  masked = masked.replace(/'/g, '’').replace(/"/g, () => ((open = !open) ? '”' : '“'));
  return masked.replace(/\u0000(\d+)\u0000/g, (_, index) => kept[Number(index)] ?? '');
}

/** @param {string} file */
function rewrite(file) {
  const source = readFileSync(file, 'utf8');
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  /** @type {{ start: number, end: number, text: string }[]} */
  const edits = [];
  const visit = (/** @type {ts.Node} */ node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // Import paths and object keys are code, not text.
      const parent = node.parent;
      const isCode =
        ts.isImportDeclaration(parent) ||
        ts.isExportDeclaration(parent) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ts.isLiteralTypeNode(parent);
      const value = node.text;
      const next = typographic(value);
      if (!isCode && next !== value)
        edits.push({ start: node.getStart(tree), end: node.getEnd(), text: JSON.stringify(next) });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  if (out !== source) writeFileSync(file, out);
  console.log(`${file}: ${edits.length} string${edits.length === 1 ? '' : 's'} rewritten`);
}

for (const file of process.argv.slice(2)) rewrite(file);
