export { renderHelm } from './render.ts';
export { parseChart, chartRootDirs, unvendoredDependencies, isChartFile } from './chart.ts';
export type { Chart, ChartDependency } from './chart.ts';
