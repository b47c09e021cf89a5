/** The phonebook's relationships, a categorical attribute in both models. */
export const RELATIONSHIPS = ['PARENT', 'SIBLING', 'FRIEND', 'COLLEAGUE', 'ACQUAINTANCE'] as const;

export type Relationship = (typeof RELATIONSHIPS)[number];
