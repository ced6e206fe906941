import { GraphQLJSONObject } from 'graphql-scalars';

/**
 * A JSON object on the wire as an object, never as a string (STYLE.md: no JSON in strings).
 * One instance for the whole schema: import it from here.
 */
export const JSONObjectScalar = GraphQLJSONObject;
