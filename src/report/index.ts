// The renderings of a SimulationReport, one import for the CLI and the app.
export { annotationBatches, renderAnnotations, type CheckRunAnnotation } from './annotations.ts';
export { exitCodeFor } from './exit.ts';
export { renderJson } from './json.ts';
export { GITHUB_SUMMARY_LIMIT, renderMarkdown, type CheckRunOutput, type MarkdownOptions } from './markdown.ts';
export { renderSarif, renderSarifText, type SarifLog } from './sarif.ts';
export { renderText, type TextOptions } from './text.ts';
