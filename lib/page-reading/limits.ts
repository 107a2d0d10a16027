/**
 * The limits on reading a page, in one place for the DOM reader (page-facts.ts) and the extractor
 * (extract-lead.ts and the readers it composes), so that what one side gathers the other reads in full
 * and neither does unbounded work on a hostile or huge page. Bounds that belong to a format rather
 * than to the page (an email address is at most 254 characters, a phone number at most 17 digits)
 * and loop guards of single scanners stay with the code they guard.
 */

/** Only this much of the selection is read from the page, and of the selection / context scanned. */
export const MAX_SCAN_CHARS = 20_000;
/** The context is at most this much of the text around the selection. */
export const MAX_CONTEXT_CHARS = 2_000;
/** How far up from the selection's block "near" reaches when looking for mailto:/tel: links. */
export const NEAR_LEVELS = 4;
/** An ancestor holding more text than this is past "near" (the page, not the selection's surroundings). */
export const NEAR_MAX_TEXT = 6_000;
/** Free text is read as at most this many lines. */
export const MAX_SCAN_LINES = 2_000;
/** The message (the selection, or title/URL/description) is cut to this. */
export const MAX_MESSAGE_CHARS = 5_000;
/** At most this many candidates of each kind (names, emails, phones) are offered. */
export const MAX_CANDIDATES = 50;

/**
 * mailto:/tel: links read from a page: the DOM reader gathers at most this many and the extractor
 * reads at most this many. 200, the DOM reader's bound: a page's contact links are a handful, a
 * directory page's a few dozen, and the extractor offers at most MAX_CANDIDATES of a kind anyway;
 * the extractor's former 500 only ever met lists the DOM reader had already cut to 200 (201 when a
 * right-clicked link is put first; the extractor now leaves the 201st).
 */
export const MAX_LINKS = 200;
/** A link's href is cut to this. */
export const MAX_HREF_CHARS = 2_000;
/** A link's text is cut to this. */
export const MAX_LINK_TEXT_CHARS = 300;

/** JSON-LD blocks read from a page. */
export const MAX_JSONLD_BLOCKS = 20;
/** JSON-LD text gathered from a page in all; a block longer than this is not parsed. */
export const MAX_JSONLD_CHARS = 200_000;
/** Objects and arrays visited in all the JSON-LD of a page. */
export const MAX_JSONLD_NODES = 2_000;

/** h-cards / vCards read from a page. */
export const MAX_HCARDS = 100;
/** Properties read from one card (values by the DOM reader, property names by the extractor). */
export const MAX_CARD_PROPS = 100;
/** A card property's value is cut to this. */
export const MAX_CARD_VALUE_CHARS = 500;

/** The page title, URL and description are cut to these. */
export const MAX_TITLE_CHARS = 1_000;
export const MAX_URL_CHARS = 4_000;
export const MAX_DESCRIPTION_CHARS = 2_000;
/** The most of a selection or excerpt a communication's body or a note takes from a page ("Save to Clio"). */
export const MAX_BODY_CHARS = 20_000;
/** The most of a page's visible text read to find who an email on it is from and to ("Save to Clio"). */
export const MAX_PARTY_TEXT = 20_000;
