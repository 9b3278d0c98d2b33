export { describeUserInstruction } from './describe.js';
export { parseDockerfile } from './parse.js';
export { substitute, SubstitutionError, type Substitution, type Variables } from './substitute.js';
export type {
  ArgInstruction,
  DockerfileFacts,
  EnvInstruction,
  ExposeInstruction,
  ParseOptions,
  StageFacts,
  UserInstruction,
} from './types.js';
