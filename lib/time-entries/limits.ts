/** How long a time entry's description may be: the form and the background check it before Save. */
export const MAX_NOTE_CHARS = 5_000;
