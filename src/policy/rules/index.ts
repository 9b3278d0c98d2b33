import type { Rule } from '../types.js';
import { nr001 } from './nr001-user-not-set.js';
import { nr002 } from './nr002-user-is-root.js';
import { nr003 } from './nr003-user-not-numeric.js';
import { nr004 } from './nr004-user-unknown.js';
import { nr005 } from './nr005-uid-out-of-range.js';
import { nr006 } from './nr006-group-root.js';
import { nr007 } from './nr007-account-file-unsafe.js';
import { nr010 } from './nr010-runs-as-root.js';
import { nr020 } from './nr020-app-writable.js';
import { nr021 } from './nr021-system-writable.js';
import { nr022 } from './nr022-writable-outside-allowlist.js';
import { nr023 } from './nr023-home-unusable.js';
import { nr024 } from './nr024-volume-unwritable.js';
import { nr030 } from './nr030-setid-files.js';
import { nr031 } from './nr031-sudo-present.js';
import { nr032 } from './nr032-file-capabilities.js';
import { nr033 } from './nr033-effective-capabilities.js';
import { nr034 } from './nr034-walk-incomplete.js';
import { nr040 } from './nr040-shell-present.js';
import { nr041 } from './nr041-package-manager-present.js';
import { nr050 } from './nr050-privileged-port.js';
import { nr060 } from './nr060-k8s-runasnonroot-rejects.js';
import { nr061 } from './nr061-k8s-not-restricted.js';
import { nr062 } from './nr062-k8s-user-override.js';

/** Every rule, in id order. Ids and names are a contract: never change or reuse them. */
export const RULES: readonly Rule[] = [
  nr001,
  nr002,
  nr003,
  nr004,
  nr005,
  nr006,
  nr007,
  nr010,
  nr020,
  nr021,
  nr022,
  nr023,
  nr024,
  nr030,
  nr031,
  nr032,
  nr033,
  nr034,
  nr040,
  nr041,
  nr050,
  nr060,
  nr061,
  nr062,
];
