/**
 * The role texts an event may change. In a module of its own, without zod: the rules and the
 * browser need the list, and importing it from the schema would put zod in the tablet bundle.
 */
export const ROLE_TEXT_FIELDS = ['organisation', 'law', 'mandate', 'mayNot'] as const;
export type RoleTextField = (typeof ROLE_TEXT_FIELDS)[number];
