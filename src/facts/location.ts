/** A line of a file in the repository. */
export interface Location {
  /** Path relative to the repository (as given by the user). */
  file: string;
  line: number;
}
