export { diffIr } from './compare.js';
export { diffDiagram } from './diagram.js';
export { renderDiffMarkdown, summaryLine } from './markdown.js';
export { changesOneLine } from './oneline.js';
export { classifyChanges, diffReport, type FailOn, failsOn, RISK_CLASSES } from './report.js';
export { CHANGE_RULES, type ChangeRule, rulesFor } from './rules.js';
export {
  type ChangeKind,
  DIFF_REPORT_VERSION,
  type DiffReport,
  diffReportJsonSchema,
  type Risk,
  type RiskClass,
  type SchemaChange,
} from './schema.js';
export { type TypeChange, typeChange } from './typechange.js';
