import type { UserInstruction } from './types.js';

/** `USER $APP_UID (= 1654)` as written, with its value when substitution changed it. */
export function describeUserInstruction(user: UserInstruction): string {
  return user.raw === user.value ? `USER ${user.raw}` : `USER ${user.raw} (= ${user.value})`;
}
