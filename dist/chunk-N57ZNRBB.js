import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  exec,
  getExecOutput
} from "./chunk-QDHUKUM5.js";
import "./chunk-LOBMMHTG.js";
export {
  exec,
  getExecOutput
};
