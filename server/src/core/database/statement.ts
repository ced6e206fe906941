/** One SQL statement with its parameters (`?` placeholders), for a caller that sends it together with another. */
export interface Statement {
  sql: string;
  params: unknown[];
}
