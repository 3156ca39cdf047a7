/** The roles on a school profile (no imports: the API contract and the renderer's types use it). */
export const recipientRoles = ['dsl', 'deputy', 'headteacher', 'chair', 'office'] as const;
export type RecipientRole = (typeof recipientRoles)[number];

/** Roles the DSL can add; there is one DSL, who set the school up. */
export const addableRoles = ['deputy', 'headteacher', 'chair', 'office'] as const;
export type AddableRole = (typeof addableRoles)[number];
