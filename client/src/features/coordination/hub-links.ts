import type { OperationName } from '@cc/shared';

/**
 * The coordination group's pages, as the landing page (/coordination) lists them. Each part of
 * the group adds its own entry (daily reports, documents…); an entry shows to whoever may use its
 * operation. Keys under `coordination.hub`.
 */
export interface HubLink {
  route: string;
  titleKey: string;
  hintKey: string;
  operation: OperationName;
}

export const HUB_LINKS: HubLink[] = [
  {
    route: 'coordination-directives',
    titleKey: 'coordination.hub.directives',
    hintKey: 'coordination.hub.directivesHint',
    operation: 'directives',
  },
  {
    route: 'coordination-meetings',
    titleKey: 'coordination.hub.meetings',
    hintKey: 'coordination.hub.meetingsHint',
    operation: 'meetings',
  },
  {
    route: 'coordination-response-level',
    titleKey: 'coordination.hub.responseLevel',
    hintKey: 'coordination.hub.responseLevelHint',
    operation: 'responseLevelHistory',
  },
];
