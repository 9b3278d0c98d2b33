import type * as z from 'zod/mini';
import type { reportSchema } from './schema.js';

/** The probe's facts as the report shows them (see README, "What the probe measures"). */
export type RuntimeReport = NonNullable<Report['runtime']>;

/**
 * The JSON report: a contract (schemaVersion 1). Fields are only ever added.
 * Its type is the schema's (src/report/schema.ts), so what is written and
 * what is read back are one definition.
 */
export type Report = z.output<typeof reportSchema>;
