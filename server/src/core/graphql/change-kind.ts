import { graphqlEnum } from './enums';

export const ChangeKindEnum = graphqlEnum(['CREATED', 'UPDATED', 'DELETED'] as const, 'ChangeKind', 'What happened to the record.');
