// The one import a Caudal program needs: the whole public API of @caudal/core, with every built-in
// source (rate, rate-micro-batch, socket) and sink (console, memory, foreach, foreachBatch, noop) registered,
// and the dashboard (`startDashboard`, or the `caudal.ui.enabled` session setting).
import { registerBuiltinSinks } from '@caudal/sinks';
import { registerBuiltinSources } from '@caudal/sources';
import { registerUiSettings } from './ui-settings.ts';

registerBuiltinSources();
registerBuiltinSinks();
registerUiSettings();

export * from '@caudal/core';
export type * from '@caudal/sources';
export type * from '@caudal/sinks';
export { startDashboard, type Dashboard, type DashboardOptions } from '@caudal/ui';
export { uiWebUrl } from './ui-settings.ts';
