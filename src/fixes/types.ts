/** A concrete fix for one finding. */
export interface Fix {
  /** One or two sentences a person can act on; code in backticks. */
  summary: string;
  /** A unified diff against the real file, when one is right. */
  diff: string | null;
}
