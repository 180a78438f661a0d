import type { Workload } from '../harness/workload.ts';
import { emptyBatch } from './empty-batch.ts';
import { filterProject } from './filter-project.ts';
import { groupCount } from './group-count.ts';
import { windowedCount } from './windowed-count.ts';

/** Every workload, in the order run.ts runs and reports them. */
export const WORKLOADS: readonly Workload[] = [filterProject, groupCount, emptyBatch, windowedCount];
