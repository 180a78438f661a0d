// The public API of @caudal/ui: a live dashboard of a session's streaming queries. Programs get it from
// the `caudal` facade (`startDashboard`, or the `caudal.ui.enabled` setting).
export { startDashboard, type Dashboard, type DashboardOptions } from './start-dashboard.ts';
export type { QueryDetail, QueryRunStatus, QuerySummary } from './query-history.ts';
export type { ProgressPoint } from './progress-point.ts';
