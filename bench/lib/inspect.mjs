// What ormdoc wrote, and whether it stays usable at scale: ER diagrams split into readable pieces,
// one file per table where a single reference would be unreadable.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Largest diagram the bench accepts as readable (entity boxes per Mermaid diagram). */
export const MAX_DIAGRAM_TABLES = 50;

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file, out);
    else out.push(file);
  }
  return out;
}

/** Entity boxes (`name {`) per Mermaid erDiagram found in .mmd files and ```mermaid blocks. */
function diagramSizes(file, text) {
  const blocks = file.endsWith('.mmd')
    ? [text]
    : [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .filter((b) => b.includes('erDiagram'))
    .map((b) => (b.match(/^\s*\S+\s*\{\s*$/gm) ?? []).length);
}

export function inspectOutput(outDir, tables) {
  const files = walk(outDir);
  let bytes = 0;
  let largest = { file: '', bytes: 0 };
  const diagrams = [];
  for (const file of files) {
    const size = statSync(file).size;
    bytes += size;
    if (size > largest.bytes) largest = { file: path.relative(outDir, file), bytes: size };
    if (file.endsWith('.md') || file.endsWith('.mmd'))
      diagrams.push(...diagramSizes(file, readFileSync(file, 'utf8')));
  }
  let tableFiles = 0;
  try {
    tableFiles = readdirSync(path.join(outDir, 'tables')).length;
  } catch {
    tableFiles = 0;
  }
  const maxDiagram = diagrams.length > 0 ? Math.max(...diagrams) : 0;
  const problems = [];
  if (maxDiagram > MAX_DIAGRAM_TABLES)
    problems.push(`an ER diagram has ${maxDiagram} tables (> ${MAX_DIAGRAM_TABLES})`);
  if (tables >= 1000 && tableFiles < tables)
    problems.push(`only ${tableFiles} per-table files for ${tables} tables`);
  return {
    files: files.length,
    mb: bytes / 1048576,
    largest: { file: largest.file, mb: largest.bytes / 1048576 },
    diagrams: diagrams.length,
    maxDiagramTables: maxDiagram,
    tableFiles,
    usable: problems.length === 0,
    problems,
  };
}
