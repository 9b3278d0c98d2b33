import type { Rule } from '../types.js';
import { nr001 } from './nr001-user-not-set.js';
import { nr002 } from './nr002-user-is-root.js';
import { nr003 } from './nr003-user-not-numeric.js';
import { nr004 } from './nr004-user-unknown.js';
import { nr005 } from './nr005-uid-out-of-range.js';
import { nr006 } from './nr006-group-root.js';

/** Every rule, in id order. Ids and names are a contract: never change or reuse them. */
export const RULES: readonly Rule[] = [nr001, nr002, nr003, nr004, nr005, nr006];
