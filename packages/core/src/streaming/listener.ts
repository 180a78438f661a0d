import type { StreamingQueryProgress } from './progress.ts';

export interface QueryStartedEvent {
  readonly id: string;
  readonly runId: string;
  readonly name: string | null;
  readonly timestamp: string;
}

export interface QueryProgressEvent {
  readonly progress: StreamingQueryProgress;
}

export interface QueryIdleEvent {
  readonly id: string;
  readonly runId: string;
  readonly timestamp: string;
}

export interface QueryTerminatedEvent {
  readonly id: string;
  readonly runId: string;
  /** The failure's message, or null when the query stopped normally. */
  readonly exception: string | null;
  readonly errorClassOnException: string | null;
}

/** Hears about every query of a session (`session.streams.addListener`). All callbacks are optional. */
export interface StreamingQueryListener {
  onQueryStarted?(event: QueryStartedEvent): void;
  onQueryProgress?(event: QueryProgressEvent): void;
  onQueryIdle?(event: QueryIdleEvent): void;
  onQueryTerminated?(event: QueryTerminatedEvent): void;
}
